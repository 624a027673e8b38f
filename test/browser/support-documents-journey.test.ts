// Support level and documents in Chromium, each page through Journey.see:
// - desktop: Emma Leroy (English) raises Lumière Web's Cloud Avenue support
//   from Silver to Gold (applied at once, billed from the 1st of next month);
//   Laura Vidal uploads a PDF to Rivage Virtual Desktops' documents, finds it
//   in the list and deletes it;
// - phone (360 px) and desktop without JavaScript: Laura's upload, first
//   with a refused type (the form comes back with its message), then a PDF.
// Screenshots: test-results/screenshots/support-documents-*/.
import t, { type Test } from 'tap'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Journey, launchBrowser, startPortal, type Browsing } from '../helpers/browser.js'
import { signIn } from '../helpers/journey-sign-in.js'

t.setTimeout(300_000)

const desktop = await launchBrowser(t, { screen: 'desktop', javaScript: true })
const desktopNoJs = await launchBrowser(t, { screen: 'desktop', javaScript: false, auditor: desktop })
const phone = await launchBrowser(t, { screen: 'phone', javaScript: true })

const files = mkdtempSync(join(tmpdir(), 'ccs-documents-'))
const PDF_FILE = join(files, 'signed-order.pdf')
writeFileSync(PDF_FILE, '%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n')
const EXE_FILE = join(files, 'setup.exe')
writeFileSync(EXE_FILE, Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62, 0x90)]))

t.test(`${desktop.label}: a Cloud Avenue referent raises the support level, applied at once`, async (t) => {
  const portal = await startPortal(t)
  const journey = await Journey.start(t, desktop, portal, `support-documents-emma-${desktop.label}`)
  await signIn(journey, 'emma.leroy')
  await journey.open('/contracts/OCB0000201/support-level')
  await journey.see('support-level', { lang: 'en' })
  t.match(await journey.page.locator('table').innerText(), /Gold\s+4 hours a month\s+4 hours/)
  await journey.page.getByLabel('Gold').check()
  await journey.submit(() => journey.page.getByRole('button', { name: 'Change the support level' }).click())
  await journey.see('support-level-gold', { lang: 'en' })
  t.match(await journey.page.getByRole('status').innerText(), /Your support level is now Gold\. It is billed from 1 \w+ \d{4}\./)
})

async function uploadJourney(t: Test, browsing: Browsing, withRefusal: boolean) {
  const portal = await startPortal(t)
  const journey = await Journey.start(t, browsing, portal, `support-documents-laura-${browsing.label}`)
  await signIn(journey, 'laura.vidal')
  await journey.open('/contracts/OCB0000302/documents')
  await journey.see('documents', { lang: 'en' })
  if (withRefusal) {
    await journey.page.getByLabel(/^File/).setInputFiles(EXE_FILE)
    const refused = await journey.submit(() => journey.page.getByRole('button', { name: 'Upload' }).click())
    t.equal(refused.status(), 422)
    await journey.see('documents-refused-type', { lang: 'en' })
    t.match(await journey.page.locator('.error-summary').innerText(), 'This type of file is not accepted')
  }
  await journey.page.getByLabel('Title', { exact: true }).fill('Signed order form')
  await journey.page.getByLabel(/^File/).setInputFiles(PDF_FILE)
  await journey.submit(() => journey.page.getByRole('button', { name: 'Upload' }).click())
  await journey.see('documents-uploaded', { lang: 'en' })
  t.match(await journey.page.getByRole('status').innerText(), '“Signed order form” was uploaded.')
  t.match(await journey.page.locator('#customer-heading + table, section:has(#customer-heading) table').first().innerText(), /Signed order form[\s\S]*signed-order\.pdf[\s\S]*PDF[\s\S]*bytes[\s\S]*Laura Vidal/)
  return journey
}

t.test(`${desktop.label}: a documents manager uploads a PDF, sees it listed, and deletes it`, async (t) => {
  const journey = await uploadJourney(t, desktop, false)
  await journey.submit(() => journey.page.getByRole('button', { name: 'Delete Signed order form' }).click())
  await journey.see('documents-deleted', { lang: 'en' })
  t.match(await journey.page.getByRole('status').innerText(), '“Signed order form” was deleted.')
  t.match(await journey.page.locator('section:has(#customer-heading)').innerText(), 'No file has been uploaded on this contract.')
})

for (const browsing of [phone, desktopNoJs]) {
  t.test(`${browsing.label}: an upload of a refused type comes back with its message, then a PDF is uploaded`, async (t) => {
    await uploadJourney(t, browsing, true)
  })
}
