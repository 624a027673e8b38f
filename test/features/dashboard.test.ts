import t, { type Test } from 'tap'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, freshDatabase } from '../helpers/app.js'
import { createCompany, createUser } from '../helpers/factories.js'
import { DEMO_PASSWORD, loginAs, seedPersonas } from '../helpers/personas.js'
import type { DB } from '../../src/db/database.js'
import type { Offer } from '../../src/db/contracts.table.js'
import { roleRows, type SectionRoles } from '../../src/policy/index.js'
import { recordUsage } from '../../src/features/usage/usage.writes.js'
import { utcDay } from '../../src/features/usage/usage.queries.js'

async function setup(t: Test, extraRoutes?: (app: FastifyInstance) => Promise<void>) {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  const app = await buildTestApp(t, { db, config: { loginRateLimitPerIp: 10_000 }, extraRoutes })
  return { db, app }
}

/** `count` contracts named Fleet 001… for one new user, declared with these roles on each. */
async function userWithContracts(db: DB, count: number, roles: SectionRoles = { dashboard: 'visitor', contracts: 'visitor' }, offer: Offer = 'fe') {
  const companyId = await createCompany(db)
  const user = await createUser(db, { password: DEMO_PASSWORD, companyId })
  const at = new Date().toISOString()
  for (let n = 1; n <= count; n++) {
    const contract = await db.insertInto('contracts').values({
      code: `OCB8${String(n).padStart(6, '0')}`, name: `Fleet ${String(n).padStart(3, '0')}`, company_id: companyId, offer, status: 'active',
      support_level: 'standard', support_commitment_end: null, referent_user_id: null, domain_owner_user_id: null, ref1: null, ref2: null, ref3: null,
      budget_cents: null, budget_threshold_percent: null, grouping_contract_id: null, start_date: null, created_at: at, updated_at: at,
    }).returning('id').executeTakeFirstOrThrow()
    await db.insertInto('contract_roles').values(roleRows(contract.id, user.id, offer, roles)).execute()
  }
  return user
}

async function platformId(db: DB, code: string) {
  return (await db.selectFrom('platforms').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id
}

async function openIncident(db: DB, platform: string, severity: 'degraded' | 'major', texts: { en: string; fr: string }) {
  const at = new Date(Date.now() - 3_600_000).toISOString()
  await db.insertInto('incidents').values({
    platform_id: await platformId(db, platform), severity, status: 'open', title_en: 'Storage incident', title_fr: 'Incident de stockage',
    text_en: texts.en, text_fr: texts.fr, started_at: at, resolved_at: null, created_by: null, created_at: at, updated_at: at,
  }).execute()
}

const codesShown = (html: string) => [...html.matchAll(/href="\/contracts\/(OCB\d{7})"/g)].map((m) => m[1])
const entries = (html: string) => html.match(/<li class="contract-item">/g)?.length ?? 0

t.test('a user without the dashboard role is told which role opens it, and sees their contracts only', async (t) => {
  const { app } = await setup(t)
  const karine = await loginAs(app, 'karine.lopez') // contracts, support and orders visitor on OCB0000101
  const page = (await karine.get('/?lang=en')).body
  t.match(page, 'needs the Visitor role on the Dashboard section')
  t.notMatch(page, 'Platform weather', 'no weather')
  t.notMatch(page, 'Budget consumption', 'no budgets')
  t.same(codesShown(page), ['OCB0000101'], 'the contract list is still there')
})

t.test('a user with one contract sees the weather of its platform and the contract, expandable, with its details', async (t) => {
  const { db, app } = await setup(t)
  const user = await userWithContracts(db, 1, { dashboard: 'visitor', contracts: 'manager' })
  const client = await loginAs(app, user.login)
  const page = (await client.get('/')).body
  t.match(page, '<h2 id="weather-heading">Platform weather</h2>')
  t.match(page, '<h3 class="weather__platform">Flexible Engine</h3>')
  t.notMatch(page, 'Cloud Avenue', 'only the platform of the user’s contract')
  t.equal(entries(page), 1)
  t.match(page, /<details>\s*<summary class="contract-item__summary">\s*<span class="contract-item__name">Fleet 001<\/span>/)
  t.match(page, '<dt>Support level</dt><dd>Standard</dd>')
  t.match(page, /<dt>Company name<\/dt><dd>Company \d+<\/dd>/, 'the company, to a contracts manager')
})

t.test('a user with 200 contracts gets them 20 at a time by name, with the total and the next page', async (t) => {
  const { db, app } = await setup(t)
  const user = await userWithContracts(db, 200)
  const client = await loginAs(app, user.login)
  const first = await client.get('/')
  t.equal(first.statusCode, 200)
  t.equal(entries(first.body), 20, 'only the first page is rendered')
  t.same(codesShown(first.body), Array.from({ length: 20 }, (_, i) => `OCB8${String(i + 1).padStart(6, '0')}`))
  t.match(first.body, '<span class="count">(200)</span>', 'the total')
  t.match(first.body, 'Page 1 of 10')
  t.match(first.body, 'href="/?page=2"')
  const last = await client.get('/?page=10')
  t.same(codesShown(last.body), Array.from({ length: 20 }, (_, i) => `OCB8${String(i + 181).padStart(6, '0')}`))
  t.notMatch(last.body, 'page=11', 'no next page after the last')
})

t.test('a page past the end shows the last page, a page that is no number the first', async (t) => {
  const { db, app } = await setup(t)
  const user = await userWithContracts(db, 45)
  const client = await loginAs(app, user.login)
  t.match((await client.get('/?page=99999')).body, 'Page 3 of 3')
  for (const page of ['0', '-1', 'abc', '1e3', '']) t.match((await client.get(`/?page=${page}`)).body, 'Page 1 of 3', `page=${page}`)
  t.equal((await client.get('/?page=1&page=2')).statusCode, 400, 'a repeated parameter is refused')
})

t.test('the contract search finds contracts by part of their code or name, and keeps the search in the pages', async (t) => {
  const { db, app } = await setup(t)
  const user = await userWithContracts(db, 200)
  const client = await loginAs(app, user.login)
  t.same(codesShown((await client.get('/?q=8000150')).body), ['OCB8000150'], 'by code')
  const byName = await client.get('/?q=fleet%2012')
  t.same(codesShown(byName.body), [...Array.from({ length: 10 }, (_, i) => `OCB8${String(i + 120).padStart(6, '0')}`)], 'by name, whatever the case')
  t.match(byName.body, 'value="fleet 12"', 'the search is kept in its field')
  const many = await client.get('/?q=fleet%201')
  t.match(many.body, 'href="/?q=fleet%201&amp;page=2"', 'the next page keeps the search')
  const none = await client.get('/?q=%25')
  t.equal(entries(none.body), 0, 'a % is searched for literally')
  t.match(none.body, 'None of your contracts has “%” in its code or name.')
})

t.test('the dashboard shows an open incident’s customer text in the user’s language, and the worst weather', async (t) => {
  const { app, db } = await setup(t)
  await openIncident(db, 'flexible_engine', 'major', { en: 'Volumes are unreachable in eu-west-0.', fr: 'Les volumes sont inaccessibles dans eu-west-0.' })
  const alice = await loginAs(app, 'alice.martin') // French, FE contracts
  const page = (await alice.get('/')).body
  t.match(page, 'Les volumes sont inaccessibles dans eu-west-0.')
  t.notMatch(page, 'Volumes are unreachable')
  t.match(page, 'Orageux : incident majeur')
  t.match(page, '<li class="weather weather--stormy">')
  const emma = await loginAs(app, 'emma.leroy') // Cloud Avenue and Orange Business only
  t.notMatch((await emma.get('/')).body, 'Volumes are unreachable', 'not on a platform the user has no contract on')
})

t.test('the weather covers only the platforms of contracts where the user holds the dashboard role', async (t) => {
  const { app, db } = await setup(t)
  // gabriel.roux: Cloud Avenue (OCB0000201) and FE (OCB0000301); he loses the dashboard role on the first.
  const gabriel = await db.selectFrom('users').select('id').where('login', '=', 'gabriel.roux').executeTakeFirstOrThrow()
  const cloudAvenue = await db.selectFrom('contracts').select('id').where('code', '=', 'OCB0000201').executeTakeFirstOrThrow()
  await db.updateTable('contract_roles').set({ role: 'none' })
    .where('user_id', '=', gabriel.id).where('contract_id', '=', cloudAvenue.id).where('section', '=', 'dashboard').execute()
  const client = await loginAs(app, 'gabriel.roux')
  const page = (await client.get('/?lang=en')).body
  t.match(page, '<h3 class="weather__platform">Flexible Engine</h3>')
  t.notMatch(page, '<h3 class="weather__platform">Cloud Avenue</h3>')
})

t.test('the contract menu offers only the sections the user’s roles open', async (t) => {
  const { app } = await setup(t)
  const chloe = await loginAs(app, 'chloe.bernard') // visitor everywhere
  const chloePage = (await chloe.get('/?lang=en')).body
  t.match(chloePage, 'href="/rights?contract=OCB0000101"', 'users visitor: the Users entry')
  t.notMatch(chloePage, '/budget', 'no budget entry for a contracts visitor')
  const karine = await loginAs(app, 'karine.lopez') // no users role
  const karinePage = (await karine.get('/?lang=en')).body
  t.match(karinePage, 'href="/contracts/OCB0000101"')
  t.notMatch(karinePage, '/rights?contract=', 'no Users entry without a users role')
})

t.test('the contract menu links a page under the route’s own policy and the entry’s need', async (t) => {
  const { app } = await setup(t)
  const karine = await loginAs(app, 'karine.lopez') // orders visitor, services none
  const page = (await karine.get('/?lang=en')).body
  t.match(page, 'href="/requests?contract=OCB0000101"')
  t.notMatch(page, '/catalog?contract=', 'ordering needs services manager')
  const farid = await loginAs(app, 'farid.haddad') // services manager on OCB0000201; on OCB0000202 contracts and billing visitor only
  const faridPage = (await farid.get('/?lang=en')).body
  t.match(faridPage, 'href="/catalog?contract=OCB0000201"')
  t.notMatch(faridPage, 'href="/requests?contract=OCB0000202"', 'no role that shows requests on OCB0000202')
  t.match(faridPage, 'href="/bills?contract=OCB0000202"', 'the Bills route’s own policy (billing visitor) is met')
})

t.test('budgets of the page’s contracts show to billing visitors, amounts to billing managers only', async (t) => {
  const { app, db } = await setup(t)
  const contract = await db.selectFrom('contracts').select('id').where('code', '=', 'OCB0000101').executeTakeFirstOrThrow()
  await db.deleteFrom('usage_daily').execute()
  await db.deleteFrom('usage_records').execute()
  // 6,000 € of the 12,000 € budget, today.
  await recordUsage(db, [{ contractId: contract.id, day: utcDay(new Date()), service: 'ecs', resource: 'vm-1', metric: 'hours', unit: 'h', quantityMilli: 1000, unitPriceMicro: 6_000_000_000 }])
  const bruno = await loginAs(app, 'bruno.petit') // billing manager on OCB0000101
  const brunoPage = (await bruno.get('/?lang=en')).body
  t.match(brunoPage, 'Budget consumption this month')
  t.match(brunoPage, '€6,000.00 consumed since the 1st, out of a budget of €12,000.00 (50%).')
  const chloe = await loginAs(app, 'chloe.bernard') // billing visitor
  const chloePage = (await chloe.get('/?lang=en')).body
  t.match(chloePage, '50% of the monthly budget consumed since the 1st.')
  t.notMatch(chloePage, '€6,000.00', 'no amounts for a billing visitor')
  const karine = await loginAs(app, 'karine.lopez')
  t.notMatch((await karine.get('/?lang=en')).body, 'budget consumed', 'nothing without the billing role')
})
