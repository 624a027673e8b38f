// The dashboard journey, in Chromium: Chloé Bernard (English, visitor on
// three Hexagone contracts) opens her dashboard, reads the weather, expands a
// contract, and follows its menu to the contract page; a user with 45
// contracts searches and pages through them. Desktop, phone (360×740) and
// desktop without JavaScript (the entries unfold with <details>, no script).
// Every page gets the checks of Journey.see. Screenshots:
// test-results/screenshots/dashboard-*/.
import t, { type Test } from 'tap'
import { DEMO_PASSWORD } from '../../scripts/seed-demo.js'
import { roleRows } from '../../src/policy/index.js'
import { Journey, launchBrowser, pathOf, startPortal, type Browsing, type Portal } from '../helpers/browser.js'

t.setTimeout(300_000)

const desktop = await launchBrowser(t, { screen: 'desktop', javaScript: true })
const desktopNoJs = await launchBrowser(t, { screen: 'desktop', javaScript: false, auditor: desktop })
const phone = await launchBrowser(t, { screen: 'phone', javaScript: true })

async function logIn(journey: Journey, login: string) {
  await journey.open('/login')
  const page = journey.page
  await page.getByLabel('Login').fill(login)
  await page.getByLabel('Password').fill(DEMO_PASSWORD)
  await journey.submit(() => page.getByRole('button', { name: 'Log in' }).click())
}

/** A user declared, as a visitor, on `count` FE contracts named Fleet 001…: the many-contracts case. */
async function fleetOwner(portal: Portal, count: number): Promise<string> {
  const db = portal.db
  const at = new Date().toISOString()
  const company = await db.selectFrom('companies').select('id').orderBy('id').executeTakeFirstOrThrow()
  const template = await db.selectFrom('users').select('password_hash').where('login', '=', 'chloe.bernard').executeTakeFirstOrThrow()
  const user = await db.insertInto('users').values({
    login: 'fleet.owner', email: 'fleet.owner@hexagone.example', title: null, first_name: 'Fleet', last_name: 'Owner', phone_mobile: null, phone_landline: null,
    password_hash: template.password_hash, locale: 'en', company_id: company.id, locked_until: null, last_login_at: null, created_at: at, updated_at: at,
  }).returning('id').executeTakeFirstOrThrow()
  for (let n = 1; n <= count; n++) {
    const contract = await db.insertInto('contracts').values({
      code: `OCB7${String(n).padStart(6, '0')}`, name: `Fleet ${String(n).padStart(3, '0')}`, company_id: company.id, offer: 'fe', status: 'active',
      support_level: 'standard', support_commitment_end: null, referent_user_id: null, domain_owner_user_id: null, ref1: null, ref2: null, ref3: null,
      budget_cents: null, budget_threshold_percent: null, grouping_contract_id: null, start_date: null, created_at: at, updated_at: at,
    }).returning('id').executeTakeFirstOrThrow()
    await db.insertInto('contract_roles').values(roleRows(contract.id, user.id, 'fe', { dashboard: 'visitor', contracts: 'visitor' })).execute()
  }
  return 'fleet.owner'
}

async function dashboardToContract(t: Test, browsing: Browsing) {
  const portal = await startPortal(t)
  const journey = await Journey.start(t, browsing, portal, `dashboard-${browsing.label}`)
  const page = journey.page
  await logIn(journey, 'chloe.bernard')
  t.equal(pathOf(page), '/', 'signing in lands on the dashboard')
  await journey.see('dashboard', { lang: 'en' })
  const weather = page.getByRole('region', { name: 'Platform weather' })
  t.ok(await weather.getByRole('heading', { name: 'Flexible Engine' }).isVisible(), 'the weather of her contracts’ platform')
  t.match(await weather.innerText(), /Sunny|Cloudy|Rainy|Stormy/, 'the weather is written, not only drawn')

  const entry = page.locator('.contract-item').filter({ hasText: 'OCB0000101' })
  const contractLink = entry.getByRole('link', { name: /Contract information/ })
  t.notOk(await contractLink.isVisible(), 'a contract entry starts folded')
  await entry.locator('summary').click()
  t.ok(await contractLink.isVisible(), 'clicking the contract unfolds its details and menu')
  t.match(await entry.innerText(), /Support level\s+Business/, 'its details')
  await journey.see('contract-unfolded', { lang: 'en' })

  await journey.submit(() => contractLink.click())
  t.equal(pathOf(page), '/contracts/OCB0000101', 'the menu leads to the contract page')
  t.equal(await page.locator('h1').innerText(), 'Hexagone Production (OCB0000101)')
  await journey.see('contract-page', { lang: 'en' })
  await journey.submit(() => page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Dashboard' }).click())
  t.equal(pathOf(page), '/', 'the breadcrumb leads back to the dashboard')
}

async function searchAndPages(t: Test, browsing: Browsing) {
  const portal = await startPortal(t)
  const login = await fleetOwner(portal, 45)
  const journey = await Journey.start(t, browsing, portal, `dashboard-many-${browsing.label}`)
  const page = journey.page
  await logIn(journey, login)
  t.equal(await page.locator('.contract-item').count(), 20, 'twenty contracts a page')
  await journey.see('many-contracts', { lang: 'en' })
  await journey.submit(() => page.getByRole('link', { name: 'Next page' }).click())
  t.equal(new URL(page.url()).search, '?page=2', 'the page is in the address')
  t.match(await page.locator('.contract-item').first().innerText(), /Fleet 021/)
  await page.getByLabel('Search your contracts by code or name').fill('fleet 04')
  await journey.submit(() => page.getByRole('button', { name: 'Search' }).click())
  t.same(await page.locator('.contract-item__name').allInnerTexts(), ['Fleet 040', 'Fleet 041', 'Fleet 042', 'Fleet 043', 'Fleet 044', 'Fleet 045'])
  await journey.see('search', { lang: 'en' })
}

for (const browsing of [desktop, phone, desktopNoJs]) {
  t.test(`${browsing.label}: the dashboard shows the weather, a contract unfolds to its details and its menu leads to the contract page`, async (t) => {
    await dashboardToContract(t, browsing)
  })
}

t.test(`${desktop.label}: a user with many contracts pages through them and finds one by name`, async (t) => {
  await searchAndPages(t, desktop)
})

t.test(`${desktopNoJs.label}: without JavaScript, the search and the pages work the same`, async (t) => {
  await searchAndPages(t, desktopNoJs)
})
