// What completing an order does (src/features/catalog/completion): each
// effect applied when staff move the order to completed, exactly once, in
// the status change's transaction; a refused effect is a 409 on the staff
// page with nothing written; a rejection applies nothing. Orders come from
// the createOrder factory (placeOrder), completion through the real staff
// route as thomas.girard (support) — or marc.lefevre (account manager) for
// a tenant, which only the companies area's staff complete.
import t, { type Test } from 'tap'
import { buildTestApp, freshDatabase } from '../helpers/app.js'
import type { Client } from '../helpers/client.js'
import { createOrder } from '../helpers/factories.js'
import { loginAs, loginAsStaff, seedPersonas } from '../helpers/personas.js'
import type { DB } from '../../src/db/database.js'
import { en } from '../../src/i18n/en.js'
import { requestNumber } from '../../src/features/requests/request-number.js'
import { completeOrder } from '../../src/features/catalog/completion/complete-order.js'
import { commitmentEnd, firstOfNextMonth } from '../../src/lib/paris-calendar.js'

async function setup(t: Test) {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  const app = await buildTestApp(t, { db, config: { loginRateLimitPerIp: 10_000 } })
  return { db, app, thomas: await loginAsStaff(app, 'thomas.girard') }
}

/** The staff page's status form, posted as the page posts it. */
async function moveTo(staff: Client, requestId: number, status: string, reason = '') {
  const number = requestNumber(requestId)
  await staff.get(`/admin/requests/${number}`)
  return staff.post(`/admin/requests/${number}/status`, { status, reason })
}

/** transmitted → in progress → completed; the answer to the last move. */
async function complete(staff: Client, requestId: number) {
  const started = await moveTo(staff, requestId, 'in_progress')
  if (started.statusCode !== 303) throw new Error(`in_progress refused: ${started.statusCode}`)
  return moveTo(staff, requestId, 'completed')
}

const contractOf = (db: DB, code: string) => db.selectFrom('contracts').selectAll().where('code', '=', code).executeTakeFirstOrThrow()
const userId = async (db: DB, login: string) => (await db.selectFrom('users').select('id').where('login', '=', login).executeTakeFirstOrThrow()).id
const orderOf = (db: DB, requestId: number) => db.selectFrom('orders').selectAll().where('request_id', '=', requestId).executeTakeFirstOrThrow()
const statusOf = async (db: DB, requestId: number) => (await db.selectFrom('requests').select('status').where('id', '=', requestId).executeTakeFirstOrThrow()).status
const appliedAudits = (db: DB) => db.selectFrom('audit_log').selectAll().where('action', '=', 'order.effect_applied').execute()

async function offerOf(db: DB, kind: string, region: string, flavour: string, months: number) {
  return db.selectFrom('subscription_offers').selectAll()
    .where('kind', '=', kind as 'workspace').where('region_code', '=', region).where('flavour', '=', flavour).where('commitment_months', '=', months)
    .executeTakeFirstOrThrow()
}

/** What a refused completion must leave exactly as it was. */
async function snapshot(db: DB) {
  const tables = ['requests', 'request_events', 'orders', 'contracts', 'contract_roles', 'console_roles', 'subscriptions', 'subscription_offers',
    'support_level_changes', 'audit_log', 'notifications', 'outbox'] as const
  const out: Record<string, unknown> = {}
  for (const table of tables) out[table] = await db.selectFrom(table).selectAll().execute()
  return JSON.stringify(out)
}

const ECS_OFFER = ['reserved_ecs_standard', 'eu-west-0', 's6.large.2', 12] as const

t.test('completing a reservation order adds the subscription from the 1st of next month and takes its instances from the offer', async (t) => {
  const { db, app, thomas } = await setup(t)
  const offer = await offerOf(db, ...ECS_OFFER)
  const id = await createOrder(db, { service: 'reserved-ecs-instances', contract: 'OCB0000301', orderer: 'gabriel.roux', effectInput: { offerId: offer.id, quantity: 5 }, quantity: 5 })
  const done = await complete(thomas, id)
  t.equal(done.statusCode, 303)
  t.equal(await statusOf(db, id), 'completed')
  const contract = await contractOf(db, 'OCB0000301')
  const subscriptions = await db.selectFrom('subscriptions').selectAll().where('contract_id', '=', contract.id).where('flavour', '=', 's6.large.2').where('region_code', '=', 'eu-west-0').execute()
  const startsOn = firstOfNextMonth(new Date())
  const added = subscriptions.find((row) => row.starts_on === startsOn && row.quantity === 5)
  t.ok(added, 'the subscription is on the contract')
  t.match(added, { kind: 'reserved_ecs_standard', commitment_months: 12, commitment_end: commitmentEnd(startsOn, 12), monthly_price_cents: 3_980, payment_method: 'monthly', status: 'active' })
  t.equal((await offerOf(db, ...ECS_OFFER)).available_quantity, offer.available_quantity - 5)
  const [audit] = await appliedAudits(db)
  t.match(JSON.parse(audit!.details!), { request: requestNumber(id), effect: 'subscription', before: { available_quantity: offer.available_quantity }, after: { available_quantity: offer.available_quantity - 5 } })
  const helene = await loginAs(app, 'helene.fabre')
  const page = await helene.get('/contracts/OCB0000301/subscriptions')
  t.equal(page.statusCode, 200)
  t.ok(page.body.split('s6.large.2').length > 1, 'the Subscriptions page lists it')
})

t.test('an order completed, reopened by a customer comment and completed again applies its effect once', async (t) => {
  const { db, app, thomas } = await setup(t)
  const offer = await offerOf(db, ...ECS_OFFER)
  const id = await createOrder(db, { service: 'reserved-ecs-instances', contract: 'OCB0000301', orderer: 'helene.fabre', effectInput: { offerId: offer.id, quantity: 3 }, quantity: 3 })
  t.equal((await complete(thomas, id)).statusCode, 303)
  const helene = await loginAs(app, 'helene.fabre')
  await helene.get(`/requests/${requestNumber(id)}`)
  t.equal((await helene.post(`/requests/${requestNumber(id)}/comments`, { body: 'One more question about this order.' })).statusCode, 303)
  t.equal(await statusOf(db, id), 'in_progress', 'the comment reopened it')
  t.equal((await moveTo(thomas, id, 'completed')).statusCode, 303)
  t.equal(await statusOf(db, id), 'completed')
  const subscriptions = await db.selectFrom('subscriptions').select('id').where('created_at', '>=', (await orderOf(db, id)).created_at).execute()
  t.equal(subscriptions.length, 1, 'one subscription')
  t.equal((await offerOf(db, ...ECS_OFFER)).available_quantity, offer.available_quantity - 3, 'instances taken once')
  t.equal((await appliedAudits(db)).length, 1, 'one audit row')
})

t.test('completeOrder claims the effect: a second completion of the same order (two staff at once) applies nothing', async (t) => {
  const { db } = await setup(t)
  const id = await createOrder(db, { service: 'modify-contract-name', contract: 'OCB0000301', orderer: 'helene.fabre', effectInput: { name: 'Rivage Paiements' } })
  const actor = { userId: await userId(db, 'thomas.girard'), name: 'Thomas Girard', ip: '127.0.0.1' }
  t.equal(await db.transaction().execute((trx) => completeOrder(trx, id, actor, new Date())), true)
  await db.updateTable('contracts').set({ name: 'Renamed meanwhile' }).where('code', '=', 'OCB0000301').execute()
  t.equal(await db.transaction().execute((trx) => completeOrder(trx, id, actor, new Date())), false)
  t.equal((await contractOf(db, 'OCB0000301')).name, 'Renamed meanwhile', 'the second call wrote nothing')
  t.equal((await appliedAudits(db)).length, 1)
})

t.test('completing a backup order activates the service and gives the domain owner the Backup console role Cust_Admin', async (t) => {
  const { db, thomas } = await setup(t)
  t.equal((await contractOf(db, 'OCB0000102')).backup_enabled_at, null)
  const id = await createOrder(db, { service: 'file-applicative-backup', contract: 'OCB0000102', orderer: 'alice.martin' })
  t.equal((await complete(thomas, id)).statusCode, 303)
  const contract = await contractOf(db, 'OCB0000102')
  t.ok(contract.backup_enabled_at, 'backup_enabled_at is set')
  const roles = await db.selectFrom('console_roles').selectAll().where('contract_id', '=', contract.id).where('console', '=', 'backup').execute()
  t.same(roles.map((row) => [row.user_id, row.role]), [[await userId(db, 'bruno.petit'), 'cust_admin']], 'bruno.petit, the domain owner, and nobody else')
  t.ok(await db.selectFrom('audit_log').select('id').where('action', '=', 'order.backup_console_granted').where('target_user_id', '=', contract.domain_owner_user_id).executeTakeFirst())
})

t.test('the rights page offers the Backup console role only once a backup order is completed on the contract', async (t) => {
  const { db, app, thomas } = await setup(t)
  const alice = await loginAs(app, 'alice.martin')
  const before = await alice.get('/rights/users/chloe.bernard?contract=OCB0000101')
  t.equal(before.statusCode, 200)
  t.notMatch(before.body, 'name="console[backup][cust_admin]"')
  t.match(before.body, 'name="console[fe][admin]"', 'the FE console roles are offered')
  const id = await createOrder(db, { service: 'file-applicative-backup', contract: 'OCB0000101', orderer: 'alice.martin' })
  t.equal((await complete(thomas, id)).statusCode, 303)
  const after = await alice.get('/rights/users/chloe.bernard?contract=OCB0000101')
  t.match(after.body, 'name="console[backup][cust_admin]"')
})

t.test('a backup order on a contract whose backup is already active completes with nothing more to do', async (t) => {
  const { db, thomas } = await setup(t)
  const contract = await contractOf(db, 'OCB0000301')
  const roles = await db.selectFrom('console_roles').selectAll().where('contract_id', '=', contract.id).execute()
  const id = await createOrder(db, { service: 'file-applicative-backup', contract: 'OCB0000301', orderer: 'helene.fabre' })
  t.equal((await complete(thomas, id)).statusCode, 303)
  t.equal((await contractOf(db, 'OCB0000301')).backup_enabled_at, contract.backup_enabled_at)
  t.same(await db.selectFrom('console_roles').selectAll().where('contract_id', '=', contract.id).execute(), roles)
  t.ok((await orderOf(db, id)).effect_applied_at, 'marked applied')
})

t.test('a support option ordered on Cloud Avenue applies at once on completion', async (t) => {
  const { db, thomas } = await setup(t)
  const id = await createOrder(db, { service: 'support-option', contract: 'OCB0000201', orderer: 'emma.leroy', effectInput: { level: 'gold' } })
  t.equal((await complete(thomas, id)).statusCode, 303)
  const contract = await contractOf(db, 'OCB0000201')
  t.equal(contract.support_level, 'gold')
  const change = await db.selectFrom('support_level_changes').selectAll().where('contract_id', '=', contract.id).executeTakeFirstOrThrow()
  t.match(change, { from_level: 'silver', to_level: 'gold', requested_by: await userId(db, 'emma.leroy') })
  t.ok(change.applied_at)
})

t.test('a Flexible Engine support level ordered is scheduled for the 1st of next month on completion, committed six months', async (t) => {
  const { db, thomas } = await setup(t)
  const id = await createOrder(db, { service: 'fe-support-level', contract: 'OCB0000301', orderer: 'helene.fabre', effectInput: { level: 'business' } })
  t.equal((await complete(thomas, id)).statusCode, 303)
  const contract = await contractOf(db, 'OCB0000301')
  t.equal(contract.support_level, 'standard', 'not before the 1st')
  const effectiveOn = firstOfNextMonth(new Date())
  const change = await db.selectFrom('support_level_changes').selectAll().where('contract_id', '=', contract.id).executeTakeFirstOrThrow()
  t.match(change, { to_level: 'business', effective_on: effectiveOn, commitment_end: commitmentEnd(effectiveOn, 6), applied_at: null, withdrawn_at: null })
})

t.test('completing a rename order renames the contract everywhere: the contract page and the dashboard show the new name', async (t) => {
  const { db, app, thomas } = await setup(t)
  const id = await createOrder(db, { service: 'modify-contract-name', contract: 'OCB0000301', orderer: 'helene.fabre', effectInput: { name: 'Rivage Paiements' } })
  t.equal((await complete(thomas, id)).statusCode, 303)
  t.equal((await contractOf(db, 'OCB0000301')).name, 'Rivage Paiements')
  const [audit] = await appliedAudits(db)
  t.match(JSON.parse(audit!.details!), { effect: 'rename_contract', before: { name: 'Rivage Core Banking' }, after: { name: 'Rivage Paiements' } })
  const helene = await loginAs(app, 'helene.fabre')
  t.match((await helene.get('/contracts/OCB0000301')).body, 'Rivage Paiements')
  t.match((await helene.get('/')).body, 'Rivage Paiements')
})

t.test('completing an invoice reference order sets the contract’s REF1, audited before and after', async (t) => {
  const { db, thomas } = await setup(t)
  const id = await createOrder(db, { service: 'modify-invoice-references', contract: 'OCB0000301', orderer: 'helene.fabre', effectInput: { ref1: 'PO-2027-0001' } })
  t.equal((await complete(thomas, id)).statusCode, 303)
  t.equal((await contractOf(db, 'OCB0000301')).ref1, 'PO-2027-0001')
  const [audit] = await appliedAudits(db)
  t.match(JSON.parse(audit!.details!), { effect: 'set_ref1', before: { ref1: 'RIV-CB-01' }, after: { ref1: 'PO-2027-0001' } })
})

t.test('completing a tenant order creates the tenant in the company with the orderer as referent and domain owner, on their dashboard', async (t) => {
  const { db, app } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  const id = await createOrder(db, { service: 'create-tenant', contract: 'OCB0000301', orderer: 'helene.fabre', effectInput: { name: 'Rivage Data Lake', level: 'business' } })
  t.equal((await complete(marc, id)).statusCode, 303)
  const ordering = await contractOf(db, 'OCB0000301')
  const helene = await userId(db, 'helene.fabre')
  const tenant = await db.selectFrom('contracts').selectAll().where('name', '=', 'Rivage Data Lake').executeTakeFirstOrThrow()
  t.match(tenant, { company_id: ordering.company_id, offer: 'fe', status: 'active', support_level: 'business', referent_user_id: helene, domain_owner_user_id: helene })
  t.match(tenant.code, /^OCB[0-9]{7}$/)
  const roles = await db.selectFrom('contract_roles').select(['section', 'role']).where('contract_id', '=', tenant.id).where('user_id', '=', helene).execute()
  t.match(Object.fromEntries(roles.map((row) => [row.section, row.role])), { users: 'manager', services: 'manager', billing: 'manager', orders: 'visitor' }, 'the highest roles')
  const notification = await db.selectFrom('notifications').selectAll().where('user_id', '=', helene).where('kind', '=', 'tenant_created').executeTakeFirstOrThrow()
  t.equal(notification.link, `/contracts/${tenant.code}`)
  const client = await loginAs(app, 'helene.fabre')
  t.match((await client.get('/')).body, 'Rivage Data Lake')
  t.equal((await client.get(`/contracts/${tenant.code}`)).statusCode, 200)
})

t.test('an order whose effect needs nothing still completes and is marked applied, with its audit row', async (t) => {
  const { db, thomas } = await setup(t)
  const id = await createOrder(db, { service: 'cloud-alliance-regions', contract: 'OCB0000301', orderer: 'gabriel.roux' })
  t.equal((await complete(thomas, id)).statusCode, 303)
  t.ok((await orderOf(db, id)).effect_applied_at)
  t.match(JSON.parse((await appliedAudits(db))[0]!.details!), { effect: 'none' })
})

t.test('a reservation with fewer instances left than ordered is refused at completion: 409, the request still in progress, nothing written', async (t) => {
  const { db, thomas } = await setup(t)
  const offer = await offerOf(db, ...ECS_OFFER)
  const id = await createOrder(db, { service: 'reserved-ecs-instances', contract: 'OCB0000301', orderer: 'gabriel.roux', effectInput: { offerId: offer.id, quantity: 5 }, quantity: 5 })
  t.equal((await moveTo(thomas, id, 'in_progress')).statusCode, 303)
  await db.updateTable('subscription_offers').set({ available_quantity: 2 }).where('id', '=', offer.id).execute()
  const before = await snapshot(db)
  const refused = await moveTo(thomas, id, 'completed')
  t.equal(refused.statusCode, 409)
  t.match(refused.body, 'it reserves 5 instances and only 2 are left')
  t.match(refused.body, /id="status-error"[^>]*>.*it reserves 5 instances/, 'the message is next to the status field')
  t.equal(await snapshot(db), before)
  t.equal(await statusOf(db, id), 'in_progress')
})

t.test('a support level the contract already has is refused at completion with the reason', async (t) => {
  const { db, thomas } = await setup(t)
  const first = await createOrder(db, { service: 'support-option', contract: 'OCB0000201', orderer: 'emma.leroy', effectInput: { level: 'gold' } })
  const second = await createOrder(db, { service: 'support-option', contract: 'OCB0000201', orderer: 'farid.haddad', effectInput: { level: 'gold' } })
  t.equal((await complete(thomas, first)).statusCode, 303)
  t.equal((await moveTo(thomas, second, 'in_progress')).statusCode, 303)
  const before = await snapshot(db)
  const refused = await moveTo(thomas, second, 'completed')
  t.equal(refused.statusCode, 409)
  t.match(refused.body, 'the contract already has (or will have) the Gold level')
  t.equal(await snapshot(db), before)
})

t.test('a tenant order is refused at completion once the company has lost the "create a tenant online" option', async (t) => {
  const { db, app } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  const id = await createOrder(db, { service: 'create-tenant', contract: 'OCB0000301', orderer: 'helene.fabre', effectInput: { name: 'Rivage Data Lake', level: 'business' } })
  t.equal((await moveTo(marc, id, 'in_progress')).statusCode, 303)
  await db.updateTable('companies').set({ create_tenant_online: 0 }).where('name', '=', 'Banque du Rivage').execute()
  const before = await snapshot(db)
  const refused = await moveTo(marc, id, 'completed')
  t.equal(refused.statusCode, 409)
  t.match(refused.body, 'la société n’a plus l’option', 'in French, the language of marc.lefevre')
  t.equal(await snapshot(db), before)
})

t.test('a rename order on a multi-services grouping contract is refused at completion', async (t) => {
  const { db, thomas } = await setup(t)
  const id = await createOrder(db, { service: 'modify-contract-name', contract: 'OCB0000100', orderer: 'david.moreau', effectInput: { name: 'Hexagone Holding' } })
  t.equal((await moveTo(thomas, id, 'in_progress')).statusCode, 303)
  const before = await snapshot(db)
  const refused = await moveTo(thomas, id, 'completed')
  t.equal(refused.statusCode, 409)
  t.match(refused.body, 'a multi-services grouping contract changes through its account manager')
  t.equal(await snapshot(db), before)
})

t.test('rejecting an order applies nothing', async (t) => {
  const { db, thomas } = await setup(t)
  const id = await createOrder(db, { service: 'modify-contract-name', contract: 'OCB0000301', orderer: 'helene.fabre', effectInput: { name: 'Rivage Paiements' } })
  t.equal((await moveTo(thomas, id, 'rejected', 'The name is already used by another contract.')).statusCode, 303)
  t.equal(await statusOf(db, id), 'rejected')
  t.equal((await contractOf(db, 'OCB0000301')).name, 'Rivage Core Banking')
  t.equal((await orderOf(db, id)).effect_applied_at, null)
  t.equal((await appliedAudits(db)).length, 0)
})

t.test('the staff request page says what completing the order will do, then when it was applied', async (t) => {
  const { db, thomas } = await setup(t)
  const id = await createOrder(db, { service: 'modify-contract-name', contract: 'OCB0000301', orderer: 'helene.fabre', effectInput: { name: 'Rivage Paiements' } })
  const waiting = await thomas.get(`/admin/requests/${requestNumber(id)}`)
  t.match(waiting.body, en['completion.summary.label'])
  t.match(waiting.body, 'the contract is renamed “Rivage Paiements”.')
  t.notMatch(waiting.body, 'Applied on')
  await complete(thomas, id)
  t.match((await thomas.get(`/admin/requests/${requestNumber(id)}`)).body, 'Applied on')
})

t.test('a tenant order needs the companies area to complete: support gets 403 saying an account manager must, and nothing is written', async (t) => {
  const { db, thomas } = await setup(t)
  const id = await createOrder(db, { service: 'create-tenant', contract: 'OCB0000301', orderer: 'helene.fabre', effectInput: { name: 'Rivage Data Lake', level: 'business' } })
  t.equal((await moveTo(thomas, id, 'in_progress')).statusCode, 303)
  const before = await snapshot(db)
  const refused = await moveTo(thomas, id, 'completed')
  t.equal(refused.statusCode, 403)
  t.match(refused.body, 'an account manager must complete this order')
  t.equal(await statusOf(db, id), 'in_progress')
  t.equal(await snapshot(db), before)
})

t.test('a tenant order is refused at completion when the orderer no longer belongs to the contract’s company', async (t) => {
  const { db, app } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  const id = await createOrder(db, { service: 'create-tenant', contract: 'OCB0000301', orderer: 'helene.fabre', effectInput: { name: 'Rivage Data Lake', level: 'business' } })
  t.equal((await moveTo(marc, id, 'in_progress')).statusCode, 303)
  const lumiere = await db.selectFrom('users').select('company_id').where('login', '=', 'gabriel.roux').executeTakeFirstOrThrow()
  await db.updateTable('users').set({ company_id: lumiere.company_id }).where('login', '=', 'helene.fabre').execute()
  const before = await snapshot(db)
  const refused = await moveTo(marc, id, 'completed')
  t.equal(refused.statusCode, 409)
  t.match(refused.body, 'n’est plus un utilisateur de la société du contrat')
  t.equal(await snapshot(db), before)
})

t.test('a rename order is refused at completion (409) when its orderer is no longer the contract’s referent', async (t) => {
  const { db, thomas } = await setup(t)
  const id = await createOrder(db, { service: 'modify-contract-name', contract: 'OCB0000301', orderer: 'helene.fabre', effectInput: { name: 'Rivage Paiements' } })
  t.equal((await moveTo(thomas, id, 'in_progress')).statusCode, 303)
  await db.updateTable('contracts').set({ referent_user_id: await userId(db, 'julien.blanc') }).where('code', '=', 'OCB0000301').execute()
  const before = await snapshot(db)
  const refused = await moveTo(thomas, id, 'completed')
  t.equal(refused.statusCode, 409)
  t.match(refused.body, 'is no longer the contract’s referent')
  t.equal((await contractOf(db, 'OCB0000301')).name, 'Rivage Core Banking')
  t.equal(await snapshot(db), before)
})
