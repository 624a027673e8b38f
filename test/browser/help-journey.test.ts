// Need help in Chromium, each page through Journey.see: Julien Blanc
// (English, support visitor on Rivage Virtual Desktops, Cloud Avenue Gold)
// opens Need help, reads his support level, searches the FAQ, then asks for
// a call back (first with a phone number that isn't one: the form comes back
// with its message); Sophie Durand (admin, French) finds the call back first
// in the back-office inbox and opens it.
// Run on a desktop, on a phone (360 px) and on a desktop without JavaScript.
// Screenshots: test-results/screenshots/help-*/.
import t, { type Test } from 'tap'
import { en } from '../../src/i18n/en.js'
import { fr } from '../../src/i18n/fr.js'
import { Journey, launchBrowser, pathOf, redirectStatus, startPortal, type Browsing, type Portal } from '../helpers/browser.js'
import { signIn, signInStaff } from '../helpers/journey-sign-in.js'

t.setTimeout(600_000)

const desktop = await launchBrowser(t, { screen: 'desktop', javaScript: true })
const desktopNoJs = await launchBrowser(t, { screen: 'desktop', javaScript: false, auditor: desktop })
const phone = await launchBrowser(t, { screen: 'phone', javaScript: true })

const SUBJECT = 'Adding ten virtual desktops'

async function customerAsksForACallBack(t: Test, browsing: Browsing, portal: Portal) {
  const journey = await Journey.start(t, browsing, portal, `help-julien-${browsing.label}`)
  const page = journey.page
  await signIn(journey, 'julien.blanc')
  await journey.open('/help?contract=OCB0000302')
  await journey.see('need-help', { lang: 'en' })
  t.match(await page.locator('main').innerText(), 'Support level of this contract: Gold.')
  t.match(await page.locator('main').innerText(), 'P1 in 4 h')
  t.ok(await page.getByRole('link', { name: en['help.create_request'] }).isVisible(), '"Create a request" for a support visitor')

  await page.getByLabel(en['help.faq.search_label']).fill('password')
  await journey.submit(() => page.getByRole('button', { name: en['help.faq.search'], exact: true }).click())
  t.equal(pathOf(page), '/help/faq?q=password')
  await journey.see('faq-password', { lang: 'en' })
  t.ok(await page.getByText('How do I reset my password?').isVisible(), 'the reset entry is found')
  await journey.submit(() => page.getByRole('link', { name: en['help.faq.back'] }).click())

  await page.locator('#callback-contract').selectOption('OCB0000302')
  await page.getByLabel(en['help.callback.phone']).fill('abc')
  await page.getByLabel(en['help.callback.slot']).selectOption({ index: 2 })
  await page.locator('#callback-subject').fill(SUBJECT)
  const refused = await journey.submit(() => page.getByRole('button', { name: en['help.callback.send'] }).click())
  t.equal(refused.status(), 422, 'a phone number that is not one is refused')
  await journey.see('callback-refused', { lang: 'en' })
  t.match(await page.locator('.error-summary').innerText(), en['help.callback.error.phone'])
  t.equal(await page.locator('#callback-subject').inputValue(), SUBJECT, 'the subject typed is kept')

  await page.getByLabel(en['help.callback.phone']).fill('+33 6 40 50 60 71')
  await page.getByLabel(en['help.callback.slot']).selectOption({ index: 2 })
  const booked = await journey.submit(() => page.getByRole('button', { name: en['help.callback.send'] }).click())
  t.equal(await redirectStatus(booked), 303)
  await journey.see('callback-booked', { lang: 'en' })
  t.match(await page.getByRole('status').first().innerText(), 'Your call back is booked: an advisor will call you on +33 6 40 50 60 71')
}

async function staffSeesTheCallBack(t: Test, browsing: Browsing, portal: Portal) {
  const journey = await Journey.start(t, browsing, portal, `help-sophie-${browsing.label}`)
  const page = journey.page
  await signInStaff(journey, portal, 'sophie.durand')
  await journey.open('/admin/inbox')
  await journey.see('inbox', { lang: 'fr' })
  const firstRow = await page.locator('tbody tr').first().innerText()
  t.match(firstRow, SUBJECT, 'the call to make comes first')
  t.match(firstRow, 'Appeler le +33 6 40 50 60 71')
  t.match(firstRow, 'Rivage Virtual Desktops')
  await journey.submit(() => page.getByRole('link', { name: SUBJECT }).click())
  await journey.see('callback', { lang: 'fr' })
  t.match(await page.locator('main').innerText(), '+33 6 40 50 60 71', 'the number to call')
  const done = await journey.submit(() => page.getByRole('button', { name: fr['admin.inbox.status.mark_called'] }).click())
  t.equal(await redirectStatus(done), 303)
  await journey.see('callback-handled', { lang: 'fr' })
  const row = await portal.db.selectFrom('contact_messages').select(['kind', 'status', 'phone']).where('subject', '=', SUBJECT).executeTakeFirstOrThrow()
  t.same(row, { kind: 'callback', status: 'handled', phone: '+33 6 40 50 60 71' })
}

for (const browsing of [desktop, phone, desktopNoJs]) {
  t.test(`${browsing.label}: a customer searches the FAQ and asks for a call back; staff find it first in the inbox`, async (t) => {
    const portal = await startPortal(t)
    await t.test('the customer', (t) => customerAsksForACallBack(t, browsing, portal))
    await t.test('the staff', (t) => staffSeesTheCallBack(t, browsing, portal))
  })
}
