// The budget journey, in Chromium, in French (Hélène Fabre's stored
// language): from her contract's page Hélène opens the budget form of Rivage
// Virtual Desktops, reads this month's consumption (the bar and the daily
// chart, described in words), types an amount with three decimals (refused,
// what she typed kept, the summary linking to the field), then a budget
// written the French way and a lower threshold, and is back on the contract
// page with the notice and the new figures. On a desktop, a 360 px phone and
// a desktop without JavaScript. Every page gets the checks of Journey.see
// (screenshot, lang, headings, labels, focus, axe-core).
// Screenshots: test-results/screenshots/budget-*/.
import t, { type Test } from 'tap'
import type { Page } from 'playwright-core'
import { DEMO_PASSWORD } from '../../scripts/seed-demo.js'
import { Journey, launchBrowser, pathOf, redirectStatus, startPortal, type Browsing } from '../helpers/browser.js'

// Chromium starts slowly on a small machine: this tells the runner too.
t.setTimeout(300_000)

const desktop = await launchBrowser(t, { screen: 'desktop', javaScript: true })
const desktopNoJs = await launchBrowser(t, { screen: 'desktop', javaScript: false, auditor: desktop })
const phone = await launchBrowser(t, { screen: 'phone', javaScript: true })

const CONTRACT = { code: 'OCB0000302', name: 'Rivage Virtual Desktops' }
const FORM = `/contracts/${CONTRACT.code}/budget`

for (const browsing of [desktop, phone, desktopNoJs]) {
  t.test(`${browsing.label}: a referent changes the budget and the alert threshold, after one refused amount`, async (t) => {
    await journey(t, browsing)
  })
}

async function journey(t: Test, browsing: Browsing) {
  const helene = await Journey.start(t, browsing, await startPortal(t), `budget-${browsing.label}`)
  const page = helene.page

  await helene.open('/login')
  await page.getByRole('textbox', { name: 'Login', exact: true }).fill('helene.fabre')
  await page.getByLabel('Password').fill(DEMO_PASSWORD)
  await helene.submit(() => page.getByRole('button', { name: 'Log in', exact: true }).click())
  t.equal(pathOf(page), '/', 'Hélène signs in, to the dashboard')

  await helene.open(`/contracts/${CONTRACT.code}`)
  await helene.submit(() => page.getByRole('link', { name: 'Définir le budget et le seuil d’alerte' }).click())
  t.equal(pathOf(page), FORM, 'the contract page leads to the budget form')
  await helene.see('budget', { lang: 'fr' })
  t.equal(await h1(page), `Budget mensuel (${CONTRACT.name}, ${CONTRACT.code})`)
  t.equal(await page.title().then((title) => title.includes(CONTRACT.code)), true, 'the title names the contract')
  const bar = page.getByRole('img', { name: /consommés depuis le 1er, pour un budget de 9\s000,00\s€ \(76\s%\)\. Seuil d’alerte : 80\s%/ })
  t.equal(await bar.count(), 1, 'the bar says in words what it draws: amount, budget, percentage and threshold')
  t.equal(await page.getByRole('img', { name: /^Consommation quotidienne du 1/ }).count(), 1, 'so does the daily chart')
  const budget = page.getByLabel('Budget mensuel en euros (HT)')
  const threshold = page.getByLabel('Seuil d’alerte en pourcentage')
  t.equal(await budget.inputValue(), '9000')
  t.equal(await threshold.inputValue(), '80')

  await budget.fill('9 500,555')
  const refused = await helene.submit(() => page.getByRole('button', { name: 'Enregistrer le budget' }).click())
  t.equal(refused.status(), 422, 'three decimals are refused (422)')
  await helene.see('refused', { lang: 'fr' })
  const summary = page.getByRole('alert')
  t.equal(await summary.getByRole('link', { name: 'Saisissez le budget avec deux décimales au plus (les centimes)' }).getAttribute('href'), '#budget', 'the summary links to the field')
  t.equal(await budget.inputValue(), '9 500,555', 'what was typed is kept')
  t.equal(await budget.getAttribute('aria-invalid'), 'true')

  await budget.fill('9 500,50')
  await threshold.fill('75')
  const saved = await helene.submit(() => page.getByRole('button', { name: 'Enregistrer le budget' }).click())
  t.equal(await redirectStatus(saved), 303, 'the change is answered with a redirect')
  t.equal(pathOf(page), `/contracts/${CONTRACT.code}`, 'back to the contract page')
  await helene.see('saved', { lang: 'fr' })
  t.match(await page.getByRole('status').first().innerText(), 'Le budget est enregistré.')
  const details = await page.locator('main').innerText()
  t.match(details, /9\s500,50\s€/, 'the contract shows the new budget')
  t.match(details, /75\s%/, 'and the new threshold')
}

async function h1(page: Page): Promise<string> {
  return (await page.getByRole('heading', { level: 1 }).innerText()).replace(/\s+/g, ' ').trim()
}
