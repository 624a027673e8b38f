import t, { type Test } from 'tap'
import { buildTestApp, freshDatabase } from '../helpers/app.js'
import { Client } from '../helpers/client.js'
import { loginAs, seedPersonas } from '../helpers/personas.js'
import { RIGHTS_TABLE } from '../../src/policy/index.js'
import type { DB } from '../../src/db/database.js'

async function setup(t: Test) {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  const app = await buildTestApp(t, { db, config: { loginRateLimitPerIp: 1000, loginRateLimitPerLogin: 1000 } })
  const alice = await loginAs(app, 'alice.martin') // referent of OCB0000101
  await alice.get('/?lang=en')
  return { db, app, alice }
}

const PERSON = { contract: 'OCB0000101', title: 'mrs', first_name: 'Noémie', last_name: 'Brun', email: 'noemie.brun@hexagone.example', login: 'noemie.brun', phone: '+33 6 11 22 33 44', locale: 'fr' }

function roles(chosen: Record<string, string>): Record<string, string> {
  const fields: Record<string, string> = { contract: 'OCB0000101' }
  for (const row of RIGHTS_TABLE) fields[`role[${row.name}]`] = chosen[row.name] ?? row.roles[0]!
  return fields
}

async function counts(db: DB) {
  const n = async (table: 'users' | 'contract_roles' | 'outbox' | 'audit_log' | 'password_tokens') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
  return { users: await n('users'), roles: await n('contract_roles'), outbox: await n('outbox'), audit: await n('audit_log'), tokens: await n('password_tokens') }
}

t.test('the three steps add a new user: nothing is written before Save, then the user, roles, welcome email and audit in one go', async (t) => {
  const { db, app, alice } = await setup(t)
  const before = await counts(db)
  await alice.get('/rights/new?contract=OCB0000101')
  t.equal((await alice.post('/rights/new', PERSON)).headers.location, '/rights/new/roles?contract=OCB0000101')
  await alice.get('/rights/new/roles?contract=OCB0000101')
  t.equal((await alice.post('/rights/new/roles', roles({ contracts: 'visitor', billing: 'manager', dashboard: 'visitor' }))).headers.location, '/rights/new/summary?contract=OCB0000101')
  const summary = await alice.get('/rights/new/summary?contract=OCB0000101')
  t.match(summary.body, 'Noémie Brun')
  t.match(summary.body, 'The new user receives an email with a link to choose their password')
  t.same(await counts(db), before, 'nothing written before Save')
  const saved = await alice.post('/rights/new/save', { contract: 'OCB0000101' })
  t.equal(saved.headers.location, '/rights/users/noemie.brun?contract=OCB0000101')
  const after = await counts(db)
  t.equal(after.users, before.users + 1)
  t.equal(after.outbox, before.outbox + 1)
  const email = await db.selectFrom('outbox').select(['template', 'to_address', 'text_body']).executeTakeFirstOrThrow()
  t.equal(email.template, 'welcome')
  const link = /\/password\/reset\/[\w-]+/.exec(email.text_body)![0]
  const noemie = new Client(app)
  await noemie.get(link)
  t.equal((await noemie.post(link, { password: 'Bienvenue#2026', confirm: 'Bienvenue#2026' })).statusCode, 303)
  const signedIn = await loginAs(app, 'noemie.brun', 'Bienvenue#2026')
  t.equal((await signedIn.get('/contracts/OCB0000101')).statusCode, 200)
  t.equal((await signedIn.get('/rights?contract=OCB0000101')).statusCode, 403, 'exactly the sections granted: no Users role')
  const actions = (await db.selectFrom('audit_log').select('action').execute()).map((row) => row.action)
  t.ok(actions.includes('rights.user_added') && actions.includes('rights.invitation_sent'))
})

t.test('steps keep what was typed when going back', async (t) => {
  const { alice } = await setup(t)
  await alice.get('/rights/new?contract=OCB0000101')
  await alice.post('/rights/new', PERSON)
  await alice.post('/rights/new/roles', roles({ billing: 'manager' }))
  const back = await alice.get('/rights/new?contract=OCB0000101')
  t.match(back.body, 'value="noemie.brun@hexagone.example"')
  const rolesAgain = await alice.get('/rights/new/roles?contract=OCB0000101')
  t.match(rolesAgain.body, /name="role\[billing\]" value="manager" checked/)
})

t.test('an email that belongs to a user reuses their login and adds the contract; no second identity', async (t) => {
  const { db, alice } = await setup(t)
  await alice.get('/rights/new?contract=OCB0000102')
  const existing = { ...PERSON, contract: 'OCB0000102', email: 'karine.lopez@hexagone.example', login: 'another.login' }
  t.equal((await alice.post('/rights/new', existing)).statusCode, 303)
  await alice.post('/rights/new/roles', { ...roles({}), contract: 'OCB0000102' })
  const summary = await alice.get('/rights/new/summary?contract=OCB0000102')
  t.match(summary.body, 'This email already belongs to the user karine.lopez')
  const usersBefore = (await db.selectFrom('users').select('id').execute()).length
  const saved = await alice.post('/rights/new/save', { contract: 'OCB0000102' })
  t.equal(saved.headers.location, '/rights/users/karine.lopez?contract=OCB0000102')
  t.equal((await db.selectFrom('users').select('id').execute()).length, usersBefore)
  const email = await db.selectFrom('outbox').select('template').executeTakeFirstOrThrow()
  t.equal(email.template, 'contract_access')
})

t.test('step 1 refuses a login that breaks the rule, a taken login, and a person already on the contract', async (t) => {
  const { alice } = await setup(t)
  await alice.get('/rights/new?contract=OCB0000101')
  const short = await alice.post('/rights/new', { ...PERSON, login: 'short' })
  t.equal(short.statusCode, 422)
  t.match(short.body, 'Use 8 to 64 characters')
  t.match(short.body, 'value="Noémie"', 'what was typed is kept')
  t.match((await alice.post('/rights/new', { ...PERSON, login: 'noemie brun' })).body, 'Use only letters without accents, digits and . _ -')
  t.match((await alice.post('/rights/new', { ...PERSON, login: 'élodie.durand' })).body, 'Use only letters without accents')
  t.match((await alice.post('/rights/new', { ...PERSON, login: 'chloe.bernard' })).body, 'This login is already taken')
  t.match((await alice.post('/rights/new', { ...PERSON, email: 'chloe.bernard@hexagone.example' })).body, 'already declared on this contract')
})

t.test('a stale wizard (session lost mid-way) starts again with a clear message', async (t) => {
  const { alice } = await setup(t)
  await alice.get('/rights/new/summary?contract=OCB0000101').then((r) => t.equal(r.headers.location, '/rights/new?contract=OCB0000101'))
  t.match((await alice.get('/rights/new?contract=OCB0000101')).body, 'start again from the first step')
  const save = await alice.post('/rights/new/save', { contract: 'OCB0000101' })
  t.equal(save.headers.location, '/rights/new?contract=OCB0000101')
})

t.test('a pending invitation is shown, can be sent again, and cancelled', async (t) => {
  const { db, alice } = await setup(t)
  await alice.get('/rights/new?contract=OCB0000101')
  await alice.post('/rights/new', PERSON)
  await alice.post('/rights/new/roles', roles({}))
  await alice.post('/rights/new/save', { contract: 'OCB0000101' })
  t.match((await alice.get('/rights?contract=OCB0000101')).body, 'Invitation pending')
  await alice.get('/rights/users/noemie.brun?contract=OCB0000101')
  t.equal((await alice.post('/rights/users/noemie.brun/resend', { contract: 'OCB0000101' })).statusCode, 303)
  const tokens = await db.selectFrom('password_tokens').select('used_at').execute()
  t.equal(tokens.length, 2)
  t.ok(tokens[0]!.used_at, 'the first link no longer works')
  await alice.get('/rights/users/noemie.brun/delete?contract=OCB0000101')
  t.equal((await alice.post('/rights/users/noemie.brun/delete', { contract: 'OCB0000101', confirm: 'yes' })).statusCode, 303)
  t.notMatch((await alice.get('/rights?contract=OCB0000101')).body, 'href="/rights/users/noemie.brun')
})
