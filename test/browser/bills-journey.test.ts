// The bills journey, in Chromium. Bruno Petit (French, billing manager of
// Hexagone Production, OCB0000101) opens Bills from the menu's address, reads
// the simulation to date and its totals, ticks three files (this month's
// usage report as Excel and CSV, and the simulation) and downloads them as
// one zip, then opens the account statement. Chloé Bernard (English, billing
// visitor) sees the same contract's consumption without a single amount. On
// a desktop, a 360 px phone and a desktop without JavaScript; every page gets
// the checks of Journey.see. Screenshots: test-results/screenshots/bills-*/.
import t, { type Test } from 'tap'
import { statSync } from 'node:fs'
import { DEMO_PASSWORD } from '../../scripts/seed-demo.js'
import { Journey, launchBrowser, pathOf, startPortal, type Browsing, type Portal } from '../helpers/browser.js'

t.setTimeout(300_000)

const desktop = await launchBrowser(t, { screen: 'desktop', javaScript: true })
const desktopNoJs = await launchBrowser(t, { screen: 'desktop', javaScript: false, auditor: desktop })
const phone = await launchBrowser(t, { screen: 'phone', javaScript: true })

const CONTRACT = 'OCB0000101'
const MONTH = new Date().toISOString().slice(0, 7)

for (const browsing of [desktop, phone, desktopNoJs]) {
  t.test(`${browsing.label}: a billing manager reads the simulation, downloads three files as one zip and opens the statement; a visitor sees no amount`, async (t) => {
    const portal = await startPortal(t)
    await managerJourney(t, browsing, portal)
    await visitorJourney(t, browsing, portal)
  })
}

async function signIn(journey: Journey, login: string, labels: { login: string; password: string; submit: string }) {
  const page = journey.page
  await journey.open('/login')
  await page.getByRole('textbox', { name: labels.login, exact: true }).fill(login)
  await page.getByLabel(labels.password).fill(DEMO_PASSWORD)
  await journey.submit(() => page.getByRole('button', { name: labels.submit, exact: true }).click())
}

const ENGLISH_LOGIN = { login: 'Login', password: 'Password', submit: 'Log in' }

async function managerJourney(t: Test, browsing: Browsing, portal: Portal) {
  const bruno = await Journey.start(t, browsing, portal, `bills-${browsing.label}`)
  const page = bruno.page
  await signIn(bruno, 'bruno.petit', ENGLISH_LOGIN)
  t.equal(pathOf(page), '/', 'Bruno signs in, to the dashboard')

  await bruno.open('/bills')
  await bruno.see('bills', { lang: 'fr' })
  t.match(await page.getByRole('heading', { level: 1 }).innerText(), `Factures (Hexagone Production, ${CONTRACT})`, 'his first billing contract opens')
  const simulation = page.getByRole('region', { name: /^Simulation à date/ })
  t.match(await simulation.innerText(), /Total HT[\s\S]*€[\s\S]*TVA 20\s%[\s\S]*Total TTC[\s\S]*€/, 'the simulation shows its totals')
  t.match(await page.locator('main').innerText(), /regroupées/, 'and says its invoices are grouped')

  for (const value of [`usage:${MONTH}`, `usage-csv:${MONTH}`, 'simulation']) await page.locator(`input[name="files"][value="${value}"]`).check()
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Télécharger les fichiers sélectionnés (.zip)' }).click(),
  ])
  t.match(download.suggestedFilename(), new RegExp(`^bills-${CONTRACT}-\\d{4}-\\d{2}-\\d{2}\\.zip$`), 'one zip named after the contract and the day')
  const path = await download.path()
  t.ok(path && statSync(path).size > 1_000, 'with three files inside (more than a kilobyte)')

  await bruno.open(`/bills?contract=${CONTRACT}`)
  await bruno.submit(() => page.getByRole('link', { name: 'Voir le relevé de compte et le solde dû' }).click())
  t.equal(pathOf(page), `/bills/${CONTRACT}/statement`)
  await bruno.see('statement', { lang: 'fr' })
  t.match(await page.locator('main').innerText(), /Solde dû/, 'the statement starts with the balance due')
}

async function visitorJourney(t: Test, browsing: Browsing, portal: Portal) {
  const chloe = await Journey.start(t, browsing, portal, `bills-visitor-${browsing.label}`)
  const page = chloe.page
  await signIn(chloe, 'chloe.bernard', ENGLISH_LOGIN)
  await chloe.open(`/bills?contract=${CONTRACT}`)
  await chloe.see('bills-visitor', { lang: 'en' })
  const main = await page.locator('main').innerText()
  t.match(main, /Detailed consumption since the 1st/, 'Chloé sees the consumption')
  t.notMatch(main, /€/, 'and no amount anywhere')
  t.equal(await page.getByRole('button', { name: 'Download the selected files (.zip)' }).count(), 0, 'no multi-file download for a visitor')
}
