// The subscriptions journey, in Chromium, in French (Alice Martin's stored
// language): from her contract's page Alice opens the subscriptions, cancels
// 2 of the 4 reserved s3.large.2 instances (list → cancel → confirm, no more
// clicks than ordering), reads before confirming when it takes effect and how
// many remain, sees the cancellation scheduled for the 1st of next month, and
// withdraws it. On a desktop, a 360 px phone, and a desktop without
// JavaScript (where a quantity of 0 is refused first, what was typed kept).
// Every page gets the checks of Journey.see (screenshot, lang, headings,
// labels, focus, axe-core). Screenshots: test-results/screenshots/subscriptions-*/.
import t, { type Test } from 'tap'
import type { Page } from 'playwright-core'
import { DEMO_PASSWORD } from '../../scripts/seed-demo.js'
import { translator } from '../../src/i18n/index.js'
import { firstOfNextMonth } from '../../src/lib/paris-calendar.js'
import { Journey, launchBrowser, pathOf, redirectStatus, startPortal, type Browsing } from '../helpers/browser.js'

// Chromium starts slowly on a small machine: this tells the runner too.
t.setTimeout(300_000)

const desktop = await launchBrowser(t, { screen: 'desktop', javaScript: true })
const desktopNoJs = await launchBrowser(t, { screen: 'desktop', javaScript: false, auditor: desktop })
const phone = await launchBrowser(t, { screen: 'phone', javaScript: true })

const CONTRACT = { code: 'OCB0000101', name: 'Hexagone Production' }
const LIST = `/contracts/${CONTRACT.code}/subscriptions`

for (const browsing of [desktop, phone, desktopNoJs]) {
  const mistakeFirst = browsing === desktopNoJs
  t.test(`${browsing.label}: a referent schedules the cancellation of 2 reserved instances for the 1st of next month, then withdraws it${mistakeFirst ? ' (a quantity of 0 refused first)' : ''}`, async (t) => {
    await journey(t, browsing, mistakeFirst)
  })
}

async function journey(t: Test, browsing: Browsing, mistakeFirst: boolean) {
  const alice = await Journey.start(t, browsing, await startPortal(t), `subscriptions-${browsing.label}`)
  const page = alice.page
  const date = translator('fr').fmt.date(firstOfNextMonth(new Date()))

  await alice.open('/login')
  await page.getByRole('textbox', { name: 'Login', exact: true }).fill('alice.martin')
  await page.getByLabel('Password').fill(DEMO_PASSWORD)
  await alice.submit(() => page.getByRole('button', { name: 'Log in', exact: true }).click())
  t.equal(pathOf(page), '/', 'Alice signs in, to the dashboard')

  await alice.open(`/contracts/${CONTRACT.code}`)
  await alice.submit(() => page.getByRole('link', { name: 'Voir les souscriptions' }).click())
  t.equal(pathOf(page), LIST, 'the contract page leads to its subscriptions')
  await alice.see('subscriptions', { lang: 'fr' })
  t.equal(await h1(page), `Souscriptions ${CONTRACT.name} (${CONTRACT.code})`)
  const row = page.getByRole('row').filter({ hasText: 's3.large.2' })
  t.match(await row.innerText(), /Actif[\s\S]*Paris \(eu-west-0\)[\s\S]*4[\s\S]*12 mois[\s\S]*45,60\s€[\s\S]*182,40\s€[\s\S]*Mensuel[\s\S]*Aucune/, 'the 4 instances at 45.60 € each, 182.40 € a month, none being cancelled')

  // First click: the subscription's Cancel link.
  await alice.submit(() => row.getByRole('link', { name: /Résilier des instances/ }).click())
  t.equal(pathOf(page), `${LIST}/1/cancel`)
  await alice.see('cancel', { lang: 'fr' })
  const effect = page.locator('#cancel-effect')
  t.match(await effect.innerText(), `La résiliation prend effet le ${date}, premier jour du mois prochain`, 'the effective date is stated before confirming')
  t.match(await effect.innerText(), `En résiliant 4, il restera 0 instance à partir du ${date}`, 'and how many remain')
  const quantity = page.getByLabel('Nombre d’instances à résilier')
  t.equal(await quantity.inputValue(), '4', 'all instances by default')

  if (mistakeFirst) {
    await quantity.fill('0')
    const refused = await alice.submit(() => page.getByRole('button', { name: 'Confirmer la résiliation' }).click())
    t.equal(refused.status(), 422, 'a quantity of 0 is refused (422)')
    await alice.see('cancel-refused', { lang: 'fr' })
    const summary = page.getByRole('alert')
    t.equal(await summary.getByRole('link', { name: 'Résiliez au moins 1 instance' }).getAttribute('href'), '#quantity', 'the summary links to the field')
    t.equal(await quantity.inputValue(), '0', 'what was typed is kept')
    t.equal(await quantity.getAttribute('aria-invalid'), 'true')
  }

  // Second click: confirm.
  await quantity.fill('2')
  const confirmed = await alice.submit(() => page.getByRole('button', { name: 'Confirmer la résiliation' }).click())
  t.equal(await redirectStatus(confirmed), 303, 'the confirmation is answered with a redirect')
  t.equal(pathOf(page), LIST, 'back to the list')
  await alice.see('scheduled', { lang: 'fr' })
  t.match(await notice(page), `2 instances de s3.large.2 seront résiliées le ${date} ; il en restera 2.`)
  t.match(await row.innerText(), `2 instances le ${date}`, 'the list shows the scheduled cancellation')

  const withdrawn = await alice.submit(() => row.getByRole('button', { name: /Annuler la résiliation/ }).click())
  t.equal(await redirectStatus(withdrawn), 303)
  t.equal(pathOf(page), LIST)
  await alice.see('withdrawn', { lang: 'fr' })
  t.match(await notice(page), 'La résiliation de 2 instances de s3.large.2 est annulée : elles restent souscrites.')
  t.match(await row.innerText(), /Aucune/, 'nothing scheduled any more')
  t.equal(await row.getByRole('button', { name: /Annuler la résiliation/ }).count(), 0)
}

async function h1(page: Page): Promise<string> {
  return (await page.getByRole('heading', { level: 1 }).innerText()).replace(/\s+/g, ' ').trim()
}

async function notice(page: Page): Promise<string> {
  return (await page.getByRole('status').first().innerText()).replace(/\s+/g, ' ').trim()
}
