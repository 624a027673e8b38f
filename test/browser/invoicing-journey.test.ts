// Staff billing in Chromium, each page through Journey.see: Nadia Benali
// (billing staff, English) imports a small usage file for Banque du Rivage's
// OCB0000301 — first with a bad line, refused whole with its row — then
// closes that month for the contract and publishes it, and opens the new
// invoice. Hélène Fabre (French, referent of OCB0000301) finds it on her
// bills page, and the email telling her is in the outbox.
// The portal starts from the personas' data (usage, no invoice yet): the
// journey closes last month. Desktop and phone (360 px), and the staff part
// once more without JavaScript.
import t, { type Test } from 'tap'
import { en } from '../../src/i18n/en.js'
import { Journey, launchBrowser, pathOf, redirectStatus, startPortal, type Browsing, type Portal } from '../helpers/browser.js'
import { signIn, signInStaff } from '../helpers/journey-sign-in.js'

t.setTimeout(600_000)

const desktop = await launchBrowser(t, { screen: 'desktop', javaScript: true })
const desktopNoJs = await launchBrowser(t, { screen: 'desktop', javaScript: false, auditor: desktop })
const phone = await launchBrowser(t, { screen: 'phone', javaScript: true })

const CONTRACT = 'OCB0000301'
const MONTH = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 1, 1)).toISOString().slice(0, 7)
const HEADER = 'contract,day,service,resource,metric,unit,quantity,unit_price'
const GOOD = [HEADER, `${CONTRACT},${MONTH}-05,Elastic Cloud Server,ecs-web-01,vCPU-hours,vCPU-h,96.5,0.0312`, `${CONTRACT},${MONTH}-06,Bandwidth,eip-1,GB out,GB,40,0.07`].join('\n')
const BAD = [HEADER, `${CONTRACT},${MONTH}-05,Elastic Cloud Server,ecs-web-01,vCPU-hours,vCPU-h,abc,0.0312`].join('\n')

async function staffImportsAndCloses(t: Test, browsing: Browsing, portal: Portal): Promise<string> {
  const nadia = await Journey.start(t, browsing, portal, `invoicing-nadia-${browsing.label}`)
  const page = nadia.page
  await signInStaff(nadia, portal, 'nadia.benali')
  await nadia.open('/admin/billing')
  await nadia.submit(() => page.getByRole('link', { name: en['admin.invoicing.nav.imports'] }).click())
  t.equal(pathOf(page), '/admin/billing/usage-imports', 'the billing hub links to the imports')
  await nadia.see('imports', { lang: 'en' })

  await page.setInputFiles('#file', { name: 'rivage-bad.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD) })
  const refused = await nadia.submit(() => page.getByRole('button', { name: en['admin.invoicing.import.submit'] }).click())
  t.equal(refused.status(), 422, 'a file with a bad line is refused')
  await nadia.see('import-refused', { lang: 'en' })
  t.match(await page.locator('main').innerText(), "Row 2: quantity 'abc' is not a number.", 'with the row and the reason')

  await page.setInputFiles('#file', { name: 'rivage.csv', mimeType: 'text/csv', buffer: Buffer.from(GOOD) })
  const imported = await nadia.submit(() => page.getByRole('button', { name: en['admin.invoicing.import.submit'] }).click())
  t.equal(await redirectStatus(imported), 303)
  await nadia.see('imported', { lang: 'en' })
  t.match(await page.locator('main').innerText(), '2 usage lines imported, €5.81 excluding VAT.')

  await nadia.submit(() => page.getByRole('link', { name: en['admin.invoicing.nav.run'] }).click())
  await nadia.see('close-a-month', { lang: 'en' })
  await page.locator('#month').fill(MONTH)
  await page.locator('#contract').fill(CONTRACT)
  const closed = await nadia.submit(() => page.getByRole('button', { name: en['admin.invoicing.run.submit'] }).click())
  t.equal(await redirectStatus(closed), 303)
  await nadia.see('invoices', { lang: 'en' })
  const notice = await page.locator('main').innerText()
  t.match(notice, /1 new invoice \(F\d{4}-\d{6}\), published\./, 'one new invoice, published')
  const number = /F\d{4}-\d{6}/.exec(notice)![0]
  await nadia.submit(() => page.getByRole('link', { name: number, exact: true }).click())
  await nadia.see('invoice', { lang: 'en' })
  const shown = await page.locator('main').innerText()
  t.match(shown, 'Elastic Cloud Server')
  t.match(shown, /Total incl\. VAT\s+€[\d,.]+/, 'with its totals')
  return number
}

async function referentSeesTheInvoice(t: Test, browsing: Browsing, portal: Portal, number: string) {
  const helene = await Journey.start(t, browsing, portal, `invoicing-helene-${browsing.label}`)
  await signIn(helene, 'helene.fabre')
  await helene.open(`/bills?contract=${CONTRACT}`)
  await helene.see('bills', { lang: 'fr' })
  t.match(await helene.page.locator('main').innerText(), number, 'the new invoice is in her history')
  const email = await portal.db.selectFrom('outbox').select(['subject', 'text_body']).where('to_address', '=', 'helene.fabre@rivage.example').where('template', '=', 'invoice_published').executeTakeFirst()
  t.ok(email, 'an email tells her')
  t.match(email?.subject, `Votre facture ${number}`)
  t.match(email?.text_body, `/bills/${CONTRACT}/invoices/${number}.pdf`, 'with the link to the PDF')
}

for (const browsing of [desktop, phone]) {
  t.test(`${browsing.label}: billing staff import usage, close a month for a contract and publish it; the referent sees the invoice`, async (t) => {
    const portal = await startPortal(t)
    const number = await staffImportsAndCloses(t, browsing, portal)
    await referentSeesTheInvoice(t, browsing, portal, number)
  })
}

t.test(`${desktopNoJs.label}: the import and the invoicing run work without JavaScript`, async (t) => {
  const portal = await startPortal(t)
  await staffImportsAndCloses(t, desktopNoJs, portal)
})
