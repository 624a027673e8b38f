// The Requests list in Chromium, each page through Journey.see (desktop,
// phone at 360 px, desktop without JavaScript): Emma Leroy (English, referent
// of Lumière Web and Lumière Réseau), with 30 more orders seeded on Lumière
// Web, filters by type and status, searches, sorts oldest first, goes to the
// next page (the filters kept) and finds the CSV link carrying them.
// Screenshots: test-results/screenshots/requests-list-*/.
import t, { type Test } from 'tap'
import { DEMO_PASSWORD } from '../../scripts/seed-demo.js'
import { Journey, launchBrowser, startPortal, type Browsing } from '../helpers/browser.js'
import { createRequest } from '../helpers/factories.js'

t.setTimeout(300_000)

const desktop = await launchBrowser(t, { screen: 'desktop', javaScript: true })
const desktopNoJs = await launchBrowser(t, { screen: 'desktop', javaScript: false, auditor: desktop })
const phone = await launchBrowser(t, { screen: 'phone', javaScript: true })

async function listJourney(t: Test, browsing: Browsing) {
  const portal = await startPortal(t)
  const emma = await portal.db.selectFrom('users').select('id').where('login', '=', 'emma.leroy').executeTakeFirstOrThrow()
  const contract = await portal.db.selectFrom('contracts').select('id').where('code', '=', 'OCB0000201').executeTakeFirstOrThrow()
  for (let i = 1; i <= 30; i++) {
    await createRequest(portal.db, { contractId: contract.id, authorId: emma.id, type: 'order', title: `Backup vault ${i}`, at: new Date(Date.now() - (40 - i) * 86_400_000), status: i % 3 === 0 ? 'completed' : undefined })
  }
  const journey = await Journey.start(t, browsing, portal, `requests-list-${browsing.label}`)
  await journey.open('/login')
  await journey.page.getByLabel('Login').fill('emma.leroy')
  await journey.page.getByLabel('Password').fill(DEMO_PASSWORD)
  await journey.submit(() => journey.page.getByRole('button', { name: 'Log in' }).click())

  await journey.open('/requests')
  await journey.see('requests', { lang: 'en' })
  t.match(await journey.page.locator('.requests-count').innerText(), '32 requests')
  t.ok(await journey.page.getByRole('link', { name: 'Create a request' }).isVisible())

  // Filter and search: the incidents of Lumière Web whose name mentions "web".
  await journey.page.getByLabel('Type').selectOption('incident')
  await journey.page.getByLabel('Search').fill('web')
  await journey.submit(() => journey.page.getByRole('button', { name: 'Apply' }).click())
  await journey.see('requests-filtered', { lang: 'en' })
  t.match(await journey.page.locator('table').innerText(), 'Web front unreachable')
  t.notMatch(await journey.page.locator('table').innerText(), 'Backup vault')
  t.match(await journey.page.locator('.requests-active').innerText(), 'type Incident · search “web”')
  t.match(await journey.page.getByRole('link', { name: 'Download as CSV' }).getAttribute('href') ?? '', '/requests/export.csv?type=incident&q=web')
  await journey.submit(() => journey.page.getByRole('link', { name: 'Clear filters' }).click())

  // Orders, oldest first, then the next page: the filters stay.
  await journey.page.getByLabel('Type').selectOption('order')
  await journey.page.getByLabel('Sort by').selectOption('date_asc')
  await journey.submit(() => journey.page.getByRole('button', { name: 'Apply' }).click())
  await journey.see('requests-orders-oldest-first', { lang: 'en' })
  t.match(await journey.page.locator('tbody tr').first().innerText(), 'Backup vault 1')
  await journey.submit(() => journey.page.getByRole('link', { name: 'Next page' }).click())
  await journey.see('requests-orders-page-2', { lang: 'en' })
  t.match(journey.page.url(), '/requests?type=order&sort=date_asc&page=2')
  t.equal(await journey.page.locator('tbody tr').count(), 10)
  t.match(await journey.page.locator('tbody tr').first().innerText(), 'Backup vault 21')
}

for (const browsing of [desktop, phone, desktopNoJs]) {
  t.test(`${browsing.label}: a referent filters, searches, sorts and pages through the requests; the CSV link carries the filters`, async (t) => {
    await listJourney(t, browsing)
  })
}
