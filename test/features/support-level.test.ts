import t, { type Test } from 'tap'
import { buildTestApp, freshDatabase } from '../helpers/app.js'
import { loginAs, seedPersonas } from '../helpers/personas.js'
import { decideChange } from '../../src/features/support-level/ladder.js'
import { firstOfNextMonth, commitmentEnd } from '../../src/lib/paris-calendar.js'
import { applyDueSupportLevelChanges } from '../../src/jobs/support-level-changes.js'
import { runScheduledJob, SCHEDULED_JOBS } from '../../src/jobs/scheduled.js'

async function setup(t: Test) {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  return buildTestApp(t, { db, config: { loginRateLimitPerIp: 10_000 } })
}

const contractRow = (app: Awaited<ReturnType<typeof setup>>, code: string) =>
  app.db.selectFrom('contracts').selectAll().where('code', '=', code).executeTakeFirstOrThrow()
const userId = async (app: Awaited<ReturnType<typeof setup>>, login: string) =>
  (await app.db.selectFrom('users').select('id').where('login', '=', login).executeTakeFirstOrThrow()).id
const countRows = async (app: Awaited<ReturnType<typeof setup>>, table: 'support_level_changes' | 'contact_messages' | 'outbox' | 'notifications') =>
  Number((await app.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)

async function postLevel(client: Awaited<ReturnType<typeof loginAs>>, code: string, level: string) {
  await client.get(`/contracts/${code}/support-level`)
  return client.post(`/contracts/${code}/support-level`, { level })
}

t.test('a contracts visitor sees the Flexible Engine ladder but no form, and posting a level is refused with 403', async (t) => {
  const app = await setup(t)
  const chloe = await loginAs(app, 'chloe.bernard')
  const page = await chloe.get('/contracts/OCB0000101/support-level')
  t.equal(page.statusCode, 200)
  for (const level of ['Basic', 'Standard', 'Business', 'Premium']) t.match(page.body, level)
  t.notMatch(page.body, 'name="level"')
  t.match(page.body, 'Only contracts managers can change the support level.')
  const refused = await chloe.post('/contracts/OCB0000101/support-level', { level: 'premium' })
  t.equal(refused.statusCode, 403)
  t.equal(await countRows(app, 'support_level_changes'), 0)
})

t.test('an FE upgrade during the commitment applies from the 1st of next month, re-commits six months, and notifies the referent and contracts managers', async (t) => {
  const app = await setup(t)
  await app.db.updateTable('contracts').set({ support_level: 'business' }).where('code', '=', 'OCB0000102').execute()
  const alice = await loginAs(app, 'alice.martin')
  const now = new Date()
  const answer = await postLevel(alice, 'OCB0000102', 'premium')
  t.equal(answer.statusCode, 303)
  const contract = await contractRow(app, 'OCB0000102')
  t.equal(contract.support_level, 'business', 'unchanged until the 1st')
  const change = await app.db.selectFrom('support_level_changes').selectAll().where('contract_id', '=', contract.id).executeTakeFirstOrThrow()
  t.match(change, { from_level: 'business', to_level: 'premium', effective_on: firstOfNextMonth(now), commitment_end: commitmentEnd(firstOfNextMonth(now), 6), applied_at: null })
  const page = await alice.get('/contracts/OCB0000102/support-level')
  t.match(page.body, 'Passage au niveau Premium prévu le')
  const audit = await app.db.selectFrom('audit_log').selectAll().where('action', '=', 'support_level.upgrade_scheduled').executeTakeFirstOrThrow()
  t.equal(audit.contract_id, contract.id)
  const notified = await app.db.selectFrom('notifications').select('user_id').where('kind', '=', 'support_level_changed').orderBy('user_id').execute()
  t.same(notified.map((row) => row.user_id), [await userId(app, 'alice.martin'), await userId(app, 'bruno.petit')].sort((a, b) => a - b))
})

t.test('an FE downgrade during the commitment is refused with 422 and nothing is written', async (t) => {
  const app = await setup(t)
  const alice = await loginAs(app, 'alice.martin')
  const answer = await postLevel(alice, 'OCB0000101', 'standard')
  t.equal(answer.statusCode, 422)
  t.match(answer.body, 'Pendant l’engagement, le niveau de support ne peut que monter')
  t.match(answer.body, 'value="standard" checked')
  t.equal(await countRows(app, 'support_level_changes'), 0)
  t.equal(await countRows(app, 'contact_messages'), 0)
  t.equal((await contractRow(app, 'OCB0000101')).support_level, 'business')
})

t.test('an FE downgrade after the commitment becomes a change request to support, titled in the requester\'s language', async (t) => {
  const app = await setup(t)
  await app.db.updateTable('contracts').set({ support_commitment_end: '2026-01-31' }).where('code', '=', 'OCB0000101').execute()
  const alice = await loginAs(app, 'alice.martin')
  const answer = await postLevel(alice, 'OCB0000101', 'standard')
  const request = await app.db.selectFrom('requests').selectAll().where('item_code', '=', 'support_level_downgrade').executeTakeFirstOrThrow()
  t.equal(answer.statusCode, 303)
  t.equal(answer.headers.location, `/requests/REQ-${String(request.id).padStart(6, '0')}`)
  t.match(request, { type: 'change', section: 'services', status: 'transmitted', item_code: 'support_level_downgrade', author_user_id: await userId(app, 'alice.martin') })
  t.equal(request.title, 'Changement de niveau de support vers Standard', 'alice reads French')
  t.match(JSON.parse(request.fields_json!), [
    { name: 'from', value: 'business', display: { en: 'Business', fr: 'Business' } },
    { name: 'to', value: 'standard', label: { en: 'Requested support level', fr: 'Niveau de support demandé' } },
  ])
  const history = await app.db.selectFrom('request_events').selectAll().where('request_id', '=', request.id).execute()
  t.match(history, [{ from_status: null, to_status: 'transmitted' }], 'the first history line is written with it')
  t.equal(await countRows(app, 'contact_messages'), 0, 'no message to the account manager any more')
  t.equal(await countRows(app, 'outbox'), 0)
  t.equal((await contractRow(app, 'OCB0000101')).support_level, 'business', 'the level itself does not change')
  const audit = await app.db.selectFrom('audit_log').select('details').where('action', '=', 'support_level.downgrade_requested').executeTakeFirstOrThrow()
  t.match(JSON.parse(audit.details!), { from: 'business', to: 'standard', request: `REQ-${String(request.id).padStart(6, '0')}` })
})

t.test('a Cloud Avenue upgrade applies at once, is billed from the 1st of next month, and is recorded as applied', async (t) => {
  const app = await setup(t)
  const emma = await loginAs(app, 'emma.leroy')
  const answer = await postLevel(emma, 'OCB0000201', 'gold')
  t.equal(answer.statusCode, 303)
  const contract = await contractRow(app, 'OCB0000201')
  t.equal(contract.support_level, 'gold')
  const change = await app.db.selectFrom('support_level_changes').selectAll().executeTakeFirstOrThrow()
  t.match(change, { from_level: 'silver', to_level: 'gold', commitment_end: null })
  t.ok(change.applied_at)
  const page = await emma.get('/contracts/OCB0000201/support-level')
  t.match(page.body, 'Your support level is now Gold. It is billed from')
  t.match(page.body, '4 hours', 'the 002 table is shown')
  const notified = await app.db.selectFrom('notifications').select('user_id').where('kind', '=', 'support_level_changed').orderBy('user_id').execute()
  t.same(notified.map((row) => row.user_id), [await userId(app, 'emma.leroy'), await userId(app, 'farid.haddad')].sort((a, b) => a - b))
})

t.test('a Cloud Avenue downgrade always goes through support, even with no commitment', async (t) => {
  const app = await setup(t)
  const emma = await loginAs(app, 'emma.leroy')
  const answer = await postLevel(emma, 'OCB0000201', 'bronze')
  t.equal(answer.statusCode, 303)
  const request = await app.db.selectFrom('requests').select(['type', 'title', 'item_code']).where('item_code', '=', 'support_level_downgrade').executeTakeFirstOrThrow()
  t.same(request, { type: 'change', title: 'Support level change to Bronze', item_code: 'support_level_downgrade' }, 'emma reads English')
  t.equal((await contractRow(app, 'OCB0000201')).support_level, 'silver')
  t.equal(await countRows(app, 'support_level_changes'), 0)
})

t.test('a contracts manager without services who asks for a downgrade lands on the request page (200), which names the change item, and it is in their list', async (t) => {
  const app = await setup(t)
  const contract = await contractRow(app, 'OCB0000201')
  await app.db.updateTable('contract_roles').set({ role: 'none' })
    .where('user_id', '=', await userId(app, 'farid.haddad')).where('contract_id', '=', contract.id).where('section', '=', 'services').execute()
  const farid = await loginAs(app, 'farid.haddad')
  const answer = await postLevel(farid, 'OCB0000201', 'bronze')
  t.equal(answer.statusCode, 303)
  const page = await farid.get(answer.headers.location as string)
  t.equal(page.statusCode, 200)
  t.match(page.body, 'Support level change to Bronze')
  t.match(page.body, '<dd>Support level change</dd>', 'the item by its name, not its code')
  t.notMatch(page.body, 'support_level_downgrade')
  t.match((await farid.get('/requests')).body, answer.headers.location as string)
  const item = await app.db.selectFrom('change_items').select(['active', 'name_fr']).where('code', '=', 'support_level_downgrade').executeTakeFirstOrThrow()
  t.same(item, { active: 0, name_fr: 'Changement de niveau de support' }, 'never offered in the change form')
})

t.test('the same level, a level of another ladder, or none at all is refused with 422', async (t) => {
  const app = await setup(t)
  const alice = await loginAs(app, 'alice.martin')
  const same = await postLevel(alice, 'OCB0000101', 'business')
  t.equal(same.statusCode, 422)
  t.match(same.body, 'C’est déjà votre niveau de support')
  for (const level of ['gold', '', '<script>alert(1)</script>']) {
    const answer = await postLevel(alice, 'OCB0000101', level)
    t.equal(answer.statusCode, 422, `level ${JSON.stringify(level)}`)
    t.match(answer.body, 'Choisissez l’un des niveaux de votre offre')
  }
  t.equal(await countRows(app, 'support_level_changes'), 0)
})

t.test('an offer without a ladder says so and refuses any level', async (t) => {
  const app = await setup(t)
  const david = await loginAs(app, 'david.moreau')
  const page = await david.get('/contracts/OCB0000103/support-level')
  t.match(page.body, 'ne se choisit pas dans l’espace client')
  t.notMatch(page.body, 'name="level"')
  const answer = await david.post('/contracts/OCB0000103/support-level', { level: 'standard' })
  t.equal(answer.statusCode, 422)
})

t.test('another contract\'s support level is a 404', async (t) => {
  const app = await setup(t)
  const alice = await loginAs(app, 'alice.martin')
  t.equal((await alice.get('/contracts/OCB0000201/support-level')).statusCode, 404)
})

t.test('rule: an FE upgrade asked on 15 December applies on 1 January and commits until 30 June', async (t) => {
  const decision = decideChange({ offer: 'fe', level: 'standard', commitmentEnd: '2027-03-31', pendingLevel: null }, 'business', new Date('2026-12-15T10:00:00Z'))
  t.same(decision, { outcome: 'scheduled', effectiveOn: '2027-01-01', commitmentEnd: '2027-06-30' })
})

t.test('rule: during a commitment only upgrades; after it an FE downgrade is a request to support', async (t) => {
  const state = { offer: 'fe' as const, level: 'business', commitmentEnd: '2026-12-31', pendingLevel: null }
  t.same(decideChange(state, 'basic', new Date('2026-12-31T12:00:00Z')), { outcome: 'refused', error: 'downgrade_in_commitment' })
  t.same(decideChange(state, 'basic', new Date('2027-01-01T12:00:00Z')), { outcome: 'request_to_support' })
})

t.test('rule: with an upgrade pending, the pending level counts as the current one', async (t) => {
  const state = { offer: 'fe' as const, level: 'standard', commitmentEnd: '2027-06-30', pendingLevel: 'business' }
  const now = new Date('2026-12-15T10:00:00Z')
  t.same(decideChange(state, 'business', now), { outcome: 'refused', error: 'already_scheduled' })
  t.same(decideChange(state, 'standard', now), { outcome: 'refused', error: 'downgrade_in_commitment' })
  t.match(decideChange(state, 'premium', now), { outcome: 'scheduled' })
})

t.test('the job applies a scheduled FE upgrade on the 1st in Paris, across the year end, and only once', async (t) => {
  const app = await setup(t)
  const contract = await contractRow(app, 'OCB0000301')
  await app.db.insertInto('support_level_changes').values({
    contract_id: contract.id, from_level: 'standard', to_level: 'business', effective_on: '2027-01-01', commitment_end: '2027-06-30',
    requested_by: null, requested_at: '2026-12-15T10:00:00.000Z', applied_at: null, withdrawn_at: null,
  }).execute()
  t.same(await applyDueSupportLevelChanges(app.db, new Date('2026-12-31T22:30:00Z')), { applied: 0 }, '23:30 on 31 December in Paris: not yet')
  t.equal((await contractRow(app, 'OCB0000301')).support_level, 'standard')
  const job = SCHEDULED_JOBS.find((one) => one.name === 'support-level-changes')!
  t.same(await runScheduledJob(job, { db: app.db, config: app.config }, 'test', new Date('2026-12-31T23:30:00Z')), { applied: 1 }, '00:30 on 1 January in Paris')
  const after = await contractRow(app, 'OCB0000301')
  t.equal(after.support_level, 'business')
  t.equal(after.support_commitment_end, '2027-06-30')
  t.same(await applyDueSupportLevelChanges(app.db, new Date('2027-01-01T08:00:00Z')), { applied: 0 }, 'a second run changes nothing')
  t.equal(Number((await app.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'support_level.applied').executeTakeFirstOrThrow()).n), 1)
})
