// Who sees which request in the Requests list (PRODUCT.md, "Rights"): orders
// with orders ≥ visitor; incidents and changes only their author's, unless
// the user is the referent or the contract shares its requests.
import t, { type Test } from 'tap'
import { buildTestApp, freshDatabase } from '../helpers/app.js'
import { createCompany, createContract, createRequest, createUser, grantRoles } from '../helpers/factories.js'
import { loginAs, seedPersonas } from '../helpers/personas.js'
import { requestNumber } from '../../src/features/requests/request-number.js'

const PASSWORD = 'Visibility#2026-test'
/** The request's link in the list (its number alone is also in the search box when searched). */
const row = (id: number) => `href="/requests/${requestNumber(id)}"`

/** A company with one contract: its referent, two colleagues who open requests, one without orders. */
async function setup(t: Test) {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  const app = await buildTestApp(t, { db, config: { loginRateLimitPerIp: 10_000 } })
  const companyId = await createCompany(db, 'Visibility Company')
  const user = (login: string) => createUser(db, { login, companyId, password: PASSWORD })
  const referent = await user('vis.referent')
  const author = await user('vis.author')
  const colleague = await user('vis.colleague')
  const noOrders = await user('vis.noorders')
  const contract = await createContract(db, { companyId, referentId: referent.id, code: 'OCB0090001' })
  await grantRoles(db, contract, referent.id, 'highest')
  for (const someone of [author, colleague]) await grantRoles(db, contract, someone.id, { support: 'visitor', services: 'visitor', orders: 'visitor' })
  await grantRoles(db, contract, noOrders.id, { support: 'visitor' })
  const request = (type: 'incident' | 'order' | 'change', title: string) => createRequest(db, { contractId: contract.id, authorId: author.id, type, title })
  const ids = { incident: await request('incident', 'Disk full on web01'), change: await request('change', 'Raise the ECS quota'), order: await request('order', 'Order a backup vault') }
  const sees = async (login: string, url = '/requests') => (await (await loginAs(app, login, PASSWORD)).get(url)).body
  return { app, db, contract, ids, sees }
}

for (const type of ['incident', 'change'] as const) {
  t.test(`the author of a ${type} sees it; another user with the same roles doesn't while the contract doesn't share its requests`, async (t) => {
    const { ids, sees } = await setup(t)
    t.match(await sees('vis.author'), row(ids[type]))
    const colleague = await sees('vis.colleague')
    t.notMatch(colleague, row(ids[type]))
    t.match(colleague, row(ids.order), 'the order, seen by every orders visitor, is on the same page')
  })

  t.test(`a contract sharing its requests shows a ${type} to every user with the section`, async (t) => {
    const { db, contract, ids, sees } = await setup(t)
    await db.updateTable('contracts').set({ share_requests: 1 }).where('id', '=', contract.id).execute()
    t.match(await sees('vis.colleague'), row(ids[type]))
  })

  t.test(`the referent sees every ${type} of the contract without sharing`, async (t) => {
    const { ids, sees } = await setup(t)
    t.match(await sees('vis.referent'), row(ids[type]))
  })
}

t.test('orders are seen by every user with orders ≥ visitor and not by a user without', async (t) => {
  const { ids, sees } = await setup(t)
  t.match(await sees('vis.colleague'), row(ids.order))
  const noOrders = await sees('vis.noorders')
  t.notMatch(noOrders, row(ids.order))
  t.notMatch(noOrders, row(ids.incident), "nor another user's incident through the support role")
})

t.test('a hidden request is not found by its exact number either', async (t) => {
  const { ids, sees } = await setup(t)
  const page = await sees('vis.colleague', `/requests?q=${requestNumber(ids.incident)}`)
  t.notMatch(page, row(ids.incident))
  t.match(page, 'No request matches these filters.')
})

t.test("a user of another company sees none of the contract's requests, and filtering by that contract is a 404", async (t) => {
  const { app, ids } = await setup(t)
  const emma = await loginAs(app, 'emma.leroy')
  const list = await emma.get('/requests')
  t.equal(list.statusCode, 200)
  for (const id of Object.values(ids)) t.notMatch(list.body, row(id))
  t.equal((await emma.get('/requests?contract=OCB0090001')).statusCode, 404)
  t.equal((await emma.get('/requests/export.csv?contract=OCB0090001')).statusCode, 404, 'the CSV too')
})

t.test('a user whose roles show no request is told so, with no list and no filters', async (t) => {
  const { app } = await setup(t)
  const laura = await loginAs(app, 'laura.vidal')
  const page = await laura.get('/requests')
  t.equal(page.statusCode, 200)
  t.match(page.body, 'None of your roles shows requests.')
  t.notMatch(page.body, 'class="filter-form"')
  t.notMatch(page.body, 'href="/requests/new"', 'and no button to create one')
})

t.test('a contract requiring two factors hides its requests from a user without them (list, filter, CSV), its request pages and comments send them to enrol; enrolled, everything is back', async (t) => {
  const { app, db, contract, ids } = await setup(t)
  await db.updateTable('contracts').set({ require_totp: 1 }).where('id', '=', contract.id).execute()
  const author = await loginAs(app, 'vis.author', PASSWORD)
  const number = requestNumber(ids.incident)
  const comments = () => db.selectFrom('request_comments').select('id').where('request_id', '=', ids.incident).execute()

  const list = await author.get('/requests')
  t.equal(list.statusCode, 200)
  for (const id of Object.values(ids)) t.notMatch(list.body, row(id))
  t.equal((await author.get('/requests?contract=OCB0090001')).statusCode, 404, 'the contract is no filter either')
  const csv = await author.get('/requests/export.csv')
  t.equal(csv.statusCode, 200)
  for (const id of Object.values(ids)) t.notMatch(csv.body, requestNumber(id))
  const page = await author.get(`/requests/${number}`)
  t.equal(page.statusCode, 303)
  t.equal(page.headers.location, '/account/security')
  t.match((await author.get('/account/security')).body, 'The referent of Contract')
  const refused = await author.post(`/requests/${number}/comments`, { body: 'Still down' })
  t.equal(refused.statusCode, 303)
  t.equal(refused.headers.location, '/account/security')
  t.same(await comments(), [], 'nothing written')

  const colleague = await loginAs(app, 'vis.colleague', PASSWORD)
  t.equal((await colleague.get(`/requests/${number}`)).statusCode, 404, "a request they wouldn't see with two factors either stays a 404")

  await db.updateTable('users').set({ totp_enabled_at: new Date().toISOString() }).where('login', '=', 'vis.author').execute()
  const enrolled = await author.get('/requests')
  for (const id of Object.values(ids)) t.match(enrolled.body, row(id))
  t.match((await author.get('/requests/export.csv')).body, number)
  const shown = await author.get(`/requests/${number}`)
  t.equal(shown.statusCode, 200)
  const sent = await author.post(`/requests/${number}/comments`, { body: 'Still down' })
  t.equal(sent.statusCode, 303)
  t.equal(sent.headers.location, `/requests/${number}#comments`)
  t.equal((await comments()).length, 1)
})

t.test('a user who opened a request sees it on a contract where they still hold a role, whatever their section roles, and only there', async (t) => {
  const { app, db, contract, ids } = await setup(t)
  await db.updateTable('contract_roles').set({ role: 'none' })
    .where('contract_id', '=', contract.id).where('section', 'in', ['support', 'services', 'orders'])
    .where('user_id', '=', (await db.selectFrom('users').select('id').where('login', '=', 'vis.author').executeTakeFirstOrThrow()).id).execute()
  const author = await loginAs(app, 'vis.author', PASSWORD)
  for (const id of Object.values(ids)) t.equal((await author.get(`/requests/${requestNumber(id)}`)).statusCode, 200)
  const list = await author.get('/requests?contract=OCB0090001')
  t.equal(list.statusCode, 200, 'the contract is in their filter')
  for (const id of Object.values(ids)) t.match(list.body, row(id))
  const incidents = await author.get('/requests?type=incident')
  t.match(incidents.body, row(ids.incident))
  t.notMatch(incidents.body, row(ids.change), 'the type filter still applies to them')
  await db.deleteFrom('contract_roles').where('contract_id', '=', contract.id)
    .where('user_id', '=', (await db.selectFrom('users').select('id').where('login', '=', 'vis.author').executeTakeFirstOrThrow()).id).execute()
  t.equal((await author.get(`/requests/${requestNumber(ids.incident)}`)).statusCode, 404, 'without any role on the contract: gone')
})
