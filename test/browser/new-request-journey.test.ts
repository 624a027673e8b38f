// Creating requests in Chromium, each page through Journey.see, on a desktop,
// a phone (360 px) and a desktop without JavaScript:
// - Julien Blanc (English, support visitor on Rivage Virtual Desktops, Cloud
//   Avenue Gold) reports an incident: the type choice, step 1 "in a few
//   words" with the FAQ answers, the form with the time to repair, a form
//   sent without a priority (422, values kept), then sent with a PDF;
// - Hélène Fabre (French, referent of Rivage Core Banking, Flexible Engine)
//   requests an ECS quota increase from the change catalog: a missing field
//   first (422, message with the field's label), then the request.
// Screenshots: test-results/screenshots/new-request-*/.
import t, { type Test } from 'tap'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEMO_PASSWORD } from '../../scripts/seed-demo.js'
import { Journey, launchBrowser, pathOf, startPortal, type Browsing } from '../helpers/browser.js'

t.setTimeout(300_000)

const desktop = await launchBrowser(t, { screen: 'desktop', javaScript: true })
const desktopNoJs = await launchBrowser(t, { screen: 'desktop', javaScript: false, auditor: desktop })
const phone = await launchBrowser(t, { screen: 'phone', javaScript: true })

const files = mkdtempSync(join(tmpdir(), 'ccs-new-request-'))
const PDF_FILE = join(files, 'error-screen.pdf')
writeFileSync(PDF_FILE, '%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n')

async function signIn(journey: Journey, login: string, labels = { login: 'Login', password: 'Password', button: 'Log in' }) {
  await journey.open('/login')
  await journey.page.getByLabel(labels.login).fill(login)
  await journey.page.getByLabel(labels.password).fill(DEMO_PASSWORD)
  await journey.submit(() => journey.page.getByRole('button', { name: labels.button }).click())
}

async function incidentJourney(t: Test, browsing: Browsing) {
  const portal = await startPortal(t)
  const journey = await Journey.start(t, browsing, portal, `new-request-incident-${browsing.label}`)
  const page = journey.page
  await signIn(journey, 'julien.blanc')
  await journey.open('/requests/new?contract=OCB0000302')
  await journey.see('choose-type', { lang: 'en' })
  await journey.submit(() => page.getByRole('link', { name: 'Report an incident' }).click())
  await journey.see('incident-step-1', { lang: 'en' })
  t.match(await page.locator('.repair').innerText(), 'P1 – critical in 4 h')
  await page.getByLabel(/^The problem in a few words/).fill('reset my password')
  await journey.submit(() => page.getByRole('button', { name: 'Continue' }).click())
  await journey.see('incident-faq', { lang: 'en' })
  const first = page.locator('details.faq-suggestion').first()
  await first.locator('summary').click()
  t.ok(await first.evaluate((node) => (node as { open?: boolean }).open === true), 'an answer unfolds, with or without JavaScript')
  await journey.see('incident-faq-open', { lang: 'en' })
  t.equal(await page.getByLabel(/^Title/).inputValue(), 'reset my password', 'the words are the title')

  await page.getByLabel(/^Affected service/).selectOption('vm')
  await page.getByLabel(/^Title/).fill('Desktops freeze at login')
  await page.getByLabel(/^Description/).fill('Since 9:00 every desktop freezes after the password is typed.')
  const refused = await journey.submit(() => page.getByRole('button', { name: 'Send the incident' }).click())
  t.equal(refused.status(), 422)
  await journey.see('incident-refused', { lang: 'en' })
  t.match(await page.locator('.error-summary').innerText(), 'Choose a priority')
  t.equal(await page.getByLabel(/^Title/).inputValue(), 'Desktops freeze at login', 'the title kept')

  await page.getByLabel('P2 – major').check()
  await page.getByLabel(/^Attachment/).setInputFiles(PDF_FILE)
  await journey.submit(() => page.getByRole('button', { name: 'Send the incident' }).click())
  t.match(pathOf(page), /^\/requests\/REQ-\d{6}$/)
  await journey.see('incident-sent', { lang: 'en' })
  t.match(await page.getByRole('status').innerText(), /REQ-\d{6} was sent/)
  t.match(await page.locator('main').innerText(), 'error-screen.pdf')
}

async function changeJourney(t: Test, browsing: Browsing) {
  const portal = await startPortal(t)
  const journey = await Journey.start(t, browsing, portal, `new-request-change-${browsing.label}`)
  const page = journey.page
  await signIn(journey, 'helene.fabre')
  await journey.open('/requests/new?contract=OCB0000301')
  await journey.see('choose-type', { lang: 'fr' })
  await journey.submit(() => page.getByRole('link', { name: 'Demander un changement' }).click())
  await journey.see('change-catalog', { lang: 'fr' })
  await journey.submit(() => page.getByRole('link', { name: 'Augmenter les quotas Elastic Cloud Server' }).click())
  await journey.see('change-item', { lang: 'fr' })

  await page.getByLabel(/^Région/).selectOption('eu-west-0')
  await page.getByLabel(/^Nombre total d’instances/).fill('40')
  await page.getByLabel(/^Nombre total de vCPU/).fill('160')
  await page.getByLabel(/^Mémoire totale/).fill('640')
  await page.getByLabel(/^Pourquoi en avez-vous besoin/).fill('Nouvelle plateforme de traitement par lots.')
  await page.getByLabel(/^E-mail du contact/).fill('helene.fabre@rivage.example')
  const refused = await journey.submit(() => page.getByRole('button', { name: 'Envoyer la demande' }).click())
  t.equal(refused.status(), 422)
  await journey.see('change-refused', { lang: 'fr' })
  t.match(await page.locator('.error-summary').innerText(), 'Renseignez « Contact pour la mise en œuvre »')
  t.equal(await page.getByLabel(/^Nombre total de vCPU/).inputValue(), '160', 'what was typed is kept')

  await page.getByLabel(/^Contact pour la mise en œuvre/).fill('Hélène Fabre')
  await journey.submit(() => page.getByRole('button', { name: 'Envoyer la demande' }).click())
  t.match(pathOf(page), /^\/requests\/REQ-\d{6}$/)
  await journey.see('change-sent', { lang: 'fr' })
  t.match(await page.getByRole('status').innerText(), /REQ-\d{6} a été envoyée/)
  t.match(await page.locator('main').innerText(), 'Augmenter les quotas Elastic Cloud Server')
}

for (const browsing of [desktop, phone, desktopNoJs]) {
  t.test(`${browsing.label}: a support visitor reports an incident after the FAQ step, with a PDF`, (t) => incidentJourney(t, browsing))
  t.test(`${browsing.label}: a referent requests a quota change from the change catalog`, (t) => changeJourney(t, browsing))
}
