import t, { type Test } from 'tap'
import { buildTestApp, freshDatabase } from '../helpers/app.js'
import { loginAs, seedPersonas } from '../helpers/personas.js'
import { RIGHTS_TABLE } from '../../src/policy/index.js'

/** Signed in, and switched to English so the assertions read one language. */
async function as(app: Parameters<typeof loginAs>[0], login: string) {
  const client = await loginAs(app, login)
  await client.get('/?lang=en')
  return client
}

async function setup(t: Test) {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  return { db, app: await buildTestApp(t, { db, config: { loginRateLimitPerIp: 1000, loginRateLimitPerLogin: 1000 } }) }
}

/** Every section's role as the form posts it, FE contract (all sections). */
function rolesForm(roles: Record<string, string>, contract: string): Record<string, string> {
  const fields: Record<string, string> = { contract }
  for (const row of RIGHTS_TABLE) fields[`role[${row.name}]`] = roles[row.name] ?? row.roles[0]!
  return fields
}

t.test('the users list shows the contract’s users with their roles, searchable, defaulting to a contract', async (t) => {
  const { app } = await setup(t)
  const client = await as(app, 'bruno.petit')
  const first = await client.get('/rights?lang=en')
  t.equal(first.statusCode, 200)
  t.match(first.body, 'Rights on Hexagone Production')
  for (const name of ['Alice Martin', 'Chloé Bernard', 'Karine Lopez']) t.match(first.body, name)
  const searched = await client.get('/rights?contract=OCB0000101&q=lop')
  t.match(searched.body, 'Karine Lopez')
  t.notMatch(searched.body, 'Chloé Bernard')
  t.match(searched.body, '<option value="OCB0000102"', 'the filter lists his other contracts with the Users section')
})

t.test('a users visitor reads the list and profiles but gets 403 on every change, and nothing is written', async (t) => {
  const { db, app } = await setup(t)
  const client = await as(app, 'chloe.bernard')
  const list = await client.get('/rights?contract=OCB0000101')
  t.equal(list.statusCode, 200)
  t.notMatch(list.body, 'Add a user')
  const profile = await client.get('/rights/users/karine.lopez?contract=OCB0000101')
  t.equal(profile.statusCode, 200)
  t.notMatch(profile.body, 'Save the roles')
  const before = await db.selectFrom('contract_roles').selectAll().execute()
  t.equal((await client.post('/rights/users/karine.lopez/roles', rolesForm({ contracts: 'manager' }, 'OCB0000101'))).statusCode, 403)
  t.equal((await client.post('/rights/users/karine.lopez/delete', { contract: 'OCB0000101', confirm: 'yes' })).statusCode, 403)
  t.same(await db.selectFrom('contract_roles').selectAll().execute(), before)
})

t.test('a users manager changes roles; it applies on the user’s next request, and is audited', async (t) => {
  const { db, app } = await setup(t)
  const karine = await as(app, 'karine.lopez')
  t.equal((await karine.get('/rights?contract=OCB0000101')).statusCode, 403, 'karine has no Users role yet')
  const bruno = await as(app, 'bruno.petit')
  await bruno.get('/rights/users/karine.lopez?contract=OCB0000101')
  const saved = await bruno.post('/rights/users/karine.lopez/roles', rolesForm({ contracts: 'visitor', users: 'visitor', dashboard: 'visitor' }, 'OCB0000101'))
  t.equal(saved.statusCode, 303)
  t.equal((await karine.get('/rights?contract=OCB0000101')).statusCode, 200, 'the open session sees the new role at once')
  const audit = await db.selectFrom('audit_log').select(['action', 'details']).where('action', '=', 'rights.roles_changed').executeTakeFirstOrThrow()
  const details = JSON.parse(audit.details!)
  t.equal(details.before.roles.users, 'none')
  t.equal(details.after.roles.users, 'visitor')
})

t.test('a role a section does not offer is refused with 422, and nothing changes', async (t) => {
  const { db, app } = await setup(t)
  const bruno = await as(app, 'bruno.petit')
  await bruno.get('/rights/users/karine.lopez?contract=OCB0000101')
  const before = await db.selectFrom('contract_roles').selectAll().execute()
  const orders = await bruno.post('/rights/users/karine.lopez/roles', rolesForm({ orders: 'manager' }, 'OCB0000101'))
  t.equal(orders.statusCode, 422)
  t.match(orders.body, 'This section does not offer that role')
  const noContracts = await bruno.post('/rights/users/karine.lopez/roles', rolesForm({ contracts: 'none' }, 'OCB0000101'))
  t.equal(noContracts.statusCode, 422, 'contracts is mandatory: never none')
  t.same(await db.selectFrom('contract_roles').selectAll().execute(), before)
})

t.test('deleting an access needs the confirmation, removes only that contract, and is refused for the referent', async (t) => {
  const { db, app } = await setup(t)
  const bruno = await as(app, 'bruno.petit')
  await bruno.get('/rights/users/chloe.bernard/delete?contract=OCB0000101')
  const unconfirmed = await bruno.post('/rights/users/chloe.bernard/delete', { contract: 'OCB0000101' })
  t.equal(unconfirmed.statusCode, 422)
  t.match(unconfirmed.body, 'Tick the box to confirm the deletion')
  const referent = await bruno.post('/rights/users/alice.martin/delete', { contract: 'OCB0000101', confirm: 'yes' })
  t.equal(referent.statusCode, 422)
  t.match(referent.body, 'a contract always keeps its referent')
  const deleted = await bruno.post('/rights/users/chloe.bernard/delete', { contract: 'OCB0000101', confirm: 'yes' })
  t.equal(deleted.statusCode, 303)
  const chloe = await as(app, 'chloe.bernard')
  t.equal((await chloe.get('/contracts/OCB0000101')).statusCode, 404)
  t.equal((await chloe.get('/contracts/OCB0000102')).statusCode, 200, 'her other contracts stay')
  t.ok(await db.selectFrom('audit_log').select('id').where('action', '=', 'rights.access_deleted').executeTakeFirst())
})

t.test('a user of another contract or company in the URL is a 404', async (t) => {
  const { app } = await setup(t)
  const bruno = await as(app, 'bruno.petit')
  t.equal((await bruno.get('/rights/users/helene.fabre?contract=OCB0000101')).statusCode, 404)
  t.equal((await bruno.get('/rights/users/alice.martin?contract=OCB0000301')).statusCode, 404)
  t.equal((await bruno.get('/rights/users/../etc?contract=OCB0000101')).statusCode, 404)
})

t.test('the FE console manager grants console roles; several FE roles combine', async (t) => {
  const { db, app } = await setup(t)
  const julien = await as(app, 'julien.blanc')
  await db.updateTable('contract_roles').set({ role: 'manager' }).where('section', '=', 'users')
    .where('user_id', '=', (await db.selectFrom('users').select('id').where('login', '=', 'julien.blanc').executeTakeFirstOrThrow()).id)
    .where('contract_id', '=', (await db.selectFrom('contracts').select('id').where('code', '=', 'OCB0000301').executeTakeFirstOrThrow()).id).execute()
  const profile = await julien.get('/rights/users/ines.garnier?contract=OCB0000301')
  t.match(profile.body, 'name="console[fe][admin]"')
  const fields = { ...rolesForm({ contracts: 'visitor', billing: 'manager' }, 'OCB0000301'), 'console[fe][guest]': 'on', 'console[fe][admin]': 'on' }
  t.equal((await julien.post('/rights/users/ines.garnier/roles', fields)).statusCode, 303)
  const consoles = await db.selectFrom('console_roles').innerJoin('users', 'users.id', 'console_roles.user_id')
    .select(['console', 'role']).where('users.login', '=', 'ines.garnier').orderBy('role').execute()
  t.same(consoles, [{ console: 'fe', role: 'admin' }, { console: 'fe', role: 'guest' }])
})

t.test('a user left with no contract can no longer log in', async (t) => {
  const { app } = await setup(t)
  const farid = await as(app, 'farid.haddad')
  await farid.get('/rights/users/gabriel.roux/delete?contract=OCB0000201')
  await farid.post('/rights/users/gabriel.roux/delete', { contract: 'OCB0000201', confirm: 'yes' })
  const { Client } = await import('../helpers/client.js')
  const gabriel = new Client(app)
  await gabriel.get('/login')
  const { DEMO_PASSWORD } = await import('../helpers/personas.js')
  t.equal((await gabriel.post('/login', { login: 'gabriel.roux', password: DEMO_PASSWORD })).statusCode, 303, 'still on OCB0000301')
  const helene = await as(app, 'helene.fabre')
  await helene.get('/rights/users/gabriel.roux/delete?contract=OCB0000301')
  await helene.post('/rights/users/gabriel.roux/delete', { contract: 'OCB0000301', confirm: 'yes' })
  const again = new Client(app)
  await again.get('/login')
  const refused = await again.post('/login', { login: 'gabriel.roux', password: DEMO_PASSWORD })
  t.equal(refused.statusCode, 422)
  t.match(refused.body, 'no longer has access to any contract')
})
