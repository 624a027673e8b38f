import t, { type Test } from 'tap'
import { buildTestApp, freshDatabase } from '../helpers/app.js'
import { DEMO_PASSWORD, loginAs, seedPersonas } from '../helpers/personas.js'

async function setup(t: Test) {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  const app = await buildTestApp(t, { db, config: { loginRateLimitPerIp: 1000, loginRateLimitPerLogin: 1000 } })
  const alice = await loginAs(app, 'alice.martin')
  await alice.get('/contracts/OCB0000101?lang=en')
  return { db, app, alice }
}

const holders = (db: Awaited<ReturnType<typeof setup>>['db']) => db.selectFrom('contracts')
  .innerJoin('users as r', 'r.id', 'contracts.referent_user_id').innerJoin('users as d', 'd.id', 'contracts.domain_owner_user_id')
  .select(['r.login as referent', 'd.login as domainOwner']).where('code', '=', 'OCB0000101').executeTakeFirstOrThrow()

t.test('the referent hands the role over with their password; the domain owner does not change; audited', async (t) => {
  const { db, alice } = await setup(t)
  const wrong = await alice.post('/contracts/OCB0000101/referent', { login: 'bruno.petit', password: 'Wrong#Pass1' })
  t.equal(wrong.statusCode, 422)
  t.match(wrong.body, 'This is not your password')
  t.same(await holders(db), { referent: 'alice.martin', domainOwner: 'alice.martin' })
  const ok = await alice.post('/contracts/OCB0000101/referent', { login: 'bruno.petit', password: DEMO_PASSWORD })
  t.equal(ok.statusCode, 303)
  t.same(await holders(db), { referent: 'bruno.petit', domainOwner: 'alice.martin' })
  t.ok(await db.selectFrom('audit_log').select('id').where('action', '=', 'contract.referent_changed').executeTakeFirst())
  t.equal((await alice.post('/contracts/OCB0000101/referent', { login: 'alice.martin', password: DEMO_PASSWORD })).statusCode, 403, 'no longer the referent')
})

t.test('the former referent may then give up their own access', async (t) => {
  const { alice } = await setup(t)
  await alice.post('/contracts/OCB0000101/referent', { login: 'bruno.petit', password: DEMO_PASSWORD })
  await alice.get('/rights/users/alice.martin/delete?contract=OCB0000101')
  t.equal((await alice.post('/rights/users/alice.martin/delete', { contract: 'OCB0000101', confirm: 'yes' })).statusCode, 303)
  t.equal((await alice.get('/contracts/OCB0000101')).statusCode, 404)
})

t.test('the domain owner role moves on its own; someone outside the contract can’t receive either', async (t) => {
  const { db, alice } = await setup(t)
  const outsider = await alice.post('/contracts/OCB0000101/domain-owner', { login: 'helene.fabre', password: DEMO_PASSWORD })
  t.equal(outsider.statusCode, 422)
  t.match(outsider.body, 'Choose a user of this contract')
  t.equal((await alice.post('/contracts/OCB0000101/domain-owner', { login: 'chloe.bernard', password: DEMO_PASSWORD })).statusCode, 303)
  t.same(await holders(db), { referent: 'alice.martin', domainOwner: 'chloe.bernard' })
})

t.test('another user can hand over neither role (403)', async (t) => {
  const { app } = await setup(t)
  const bruno = await loginAs(app, 'bruno.petit')
  t.equal((await bruno.post('/contracts/OCB0000101/referent', { login: 'bruno.petit', password: DEMO_PASSWORD })).statusCode, 403)
  t.equal((await bruno.post('/contracts/OCB0000101/domain-owner', { login: 'bruno.petit', password: DEMO_PASSWORD })).statusCode, 403)
})

t.test('the referent requires two factors: a user without them is sent to enrol before reaching the contract', async (t) => {
  const { app, alice } = await setup(t)
  t.equal((await alice.post('/contracts/OCB0000101/require-2fa', { required: 'yes', password: DEMO_PASSWORD })).statusCode, 303)
  const chloe = await loginAs(app, 'chloe.bernard')
  const refused = await chloe.get('/contracts/OCB0000101')
  t.equal(refused.statusCode, 303)
  t.equal(refused.headers.location, '/account/security')
  t.equal((await chloe.get('/contracts/OCB0000103')).statusCode, 200, 'other contracts are not affected')
})

t.test('the referent reads the contract’s audit log, filtered by user and action; others get 403', async (t) => {
  const { app, alice } = await setup(t)
  await alice.post('/contracts/OCB0000101/domain-owner', { login: 'chloe.bernard', password: DEMO_PASSWORD })
  await alice.get('/rights/users/karine.lopez/delete?contract=OCB0000101')
  await alice.post('/rights/users/karine.lopez/delete', { contract: 'OCB0000101', confirm: 'yes' })
  const all = await alice.get('/contracts/OCB0000101/audit')
  t.equal(all.statusCode, 200)
  t.match(all.body, 'contract.domain_owner_changed')
  t.match(all.body, 'rights.access_deleted')
  t.match(all.body, 'billing: none → —', 'what changed, before and after')
  const filtered = await alice.get('/contracts/OCB0000101/audit?user=chloe.bernard')
  t.match(filtered.body, '1 entry')
  const byAction = await alice.get('/contracts/OCB0000101/audit?action=rights.access_deleted')
  t.notMatch(byAction.body, 'contract.domain_owner_changed</code>')
  const bruno = await loginAs(app, 'bruno.petit')
  t.equal((await bruno.get('/contracts/OCB0000101/audit')).statusCode, 403)
})
