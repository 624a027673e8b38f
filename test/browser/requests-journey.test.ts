// Issue 8's "Done when", in Chromium, each page through Journey.see:
// Julien Blanc (English, support visitor on Rivage Virtual Desktops,
// OCB0000302) reports an incident with a file; Thomas Girard (support) finds
// it in the staff queue, takes it, answers the customer, moves it to in
// progress, then completed; Julien sees the answer and the status on the
// request and in his Requests list; the emails are in the outbox.
// Run on a desktop, on a phone (360 px) and on a desktop without JavaScript.
// Screenshots: test-results/screenshots/requests-*/.
import t, { type Test } from 'tap'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { en } from '../../src/i18n/en.js'
import { Journey, launchBrowser, pathOf, startPortal, type Browsing, type Portal } from '../helpers/browser.js'
import { signIn, signInStaff } from '../helpers/journey-sign-in.js'

t.setTimeout(600_000)

const desktop = await launchBrowser(t, { screen: 'desktop', javaScript: true })
const desktopNoJs = await launchBrowser(t, { screen: 'desktop', javaScript: false, auditor: desktop })
const phone = await launchBrowser(t, { screen: 'phone', javaScript: true })

const files = mkdtempSync(join(tmpdir(), 'ccs-requests-'))
const SCREENSHOT_FILE = join(files, 'vdi-error.png')
writeFileSync(SCREENSHOT_FILE, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]))

const TITLE = 'Virtual desktops disconnect every hour'
const REPLY = 'We found a faulty broker node and moved your desktops off it. Please tell us if it happens again.'

async function reportIncident(t: Test, browsing: Browsing, portal: Portal): Promise<string> {
  const journey = await Journey.start(t, browsing, portal, `requests-julien-reports-${browsing.label}`)
  const page = journey.page
  await signIn(journey, 'julien.blanc')
  await journey.open('/requests/new/incident?contract=OCB0000302')
  await journey.see('incident-summary', { lang: 'en' })
  await page.getByRole('textbox', { name: en['requests.incident.summary_label'] }).fill(TITLE)
  await journey.submit(() => page.getByRole('button', { name: en['requests.incident.find'] }).click())
  await journey.see('incident-form', { lang: 'en' })
  await page.getByLabel(en['requests.incident.field.service']).selectOption({ index: 1 })
  await page.getByLabel(en['requests.priority.P2']).check()
  await page.getByRole('textbox', { name: en['requests.incident.field.title'], exact: true }).fill(TITLE)
  await page.getByLabel(en['requests.incident.field.description']).fill('Since Monday every session drops at hh:02 with code 0x3000a.')
  await page.getByLabel(en['requests.attachment.label']).setInputFiles(SCREENSHOT_FILE)
  await journey.submit(() => page.getByRole('button', { name: en['requests.incident.submit'] }).click())
  const number = /\/requests\/(REQ-\d{6,})$/.exec(pathOf(page))?.[1]
  t.ok(number, `the new request's page opens (${pathOf(page)})`)
  await journey.see('incident-sent', { lang: 'en' })
  t.match(await page.locator('main').innerText(), 'vdi-error.png', 'the file is on the request')
  return number!
}

async function handleAsSupport(t: Test, browsing: Browsing, portal: Portal, number: string) {
  const journey = await Journey.start(t, browsing, portal, `requests-thomas-handles-${browsing.label}`)
  const page = journey.page
  await signInStaff(journey, portal, 'thomas.girard')
  await journey.open('/admin')
  await journey.see('staff-dashboard', { lang: 'en' })
  await journey.submit(() => page.getByRole('link', { name: /new requests? from/ }).click())
  t.equal(pathOf(page), '/admin/requests?view=new', 'the dashboard leads to the new requests')
  await journey.see('queue-new', { lang: 'en' })
  await journey.submit(() => page.getByRole('link', { name: number }).click())
  await journey.see('request', { lang: 'en' })
  t.match(await page.locator('main').innerText(), 'vdi-error.png', "the customer's file is listed")

  await journey.submit(() => page.getByRole('button', { name: en['admin.requests.take.button'] }).click())
  await journey.see('taken', { lang: 'en' })
  t.match(await page.getByRole('status').first().innerText(), `You have taken ${number}.`)

  await page.getByLabel(en['admin.requests.comment.body']).fill(REPLY)
  await page.getByRole('radio', { name: /The customer/ }).check()
  await journey.submit(() => page.getByRole('button', { name: en['admin.requests.comment.button'] }).click())
  await journey.see('replied', { lang: 'en' })

  for (const status of ['in_progress', 'completed'] as const) {
    await page.getByLabel(en[`requests.status.${status}`], { exact: true }).check()
    await journey.submit(() => page.getByRole('button', { name: en['admin.requests.status.button'] }).click())
    await journey.see(`status-${status}`, { lang: 'en' })
    t.match(await page.getByRole('status').first().innerText(), `${number} is now ${en[`requests.status.${status}`]}`)
  }
}

async function followAsCustomer(t: Test, browsing: Browsing, portal: Portal, number: string) {
  const journey = await Journey.start(t, browsing, portal, `requests-julien-follows-${browsing.label}`)
  const page = journey.page
  await signIn(journey, 'julien.blanc')
  await journey.open('/requests')
  await journey.see('requests-list', { lang: 'en' })
  const row = page.locator('tr', { hasText: number })
  t.match(await row.innerText(), en['requests.status.completed'], 'the list shows the request completed')
  await journey.submit(() => page.getByRole('link', { name: new RegExp(`${number}|${TITLE}`) }).first().click())
  await journey.see('request-completed', { lang: 'en' })
  const main = await page.locator('main').innerText()
  t.match(main, REPLY, "support's answer is in the conversation")
  t.match(main, en['requests.status.completed'])
}

async function emailsTo(portal: Portal, login: string) {
  const user = await portal.db.selectFrom('users').select('email').where('login', '=', login).executeTakeFirstOrThrow()
  return portal.db.selectFrom('outbox').select(['template', 'subject']).where('to_address', '=', user.email)
    .where('template', 'in', ['request_status', 'request_reply']).orderBy('id').execute()
}

for (const browsing of [desktop, phone, desktopNoJs]) {
  t.test(`${browsing.label}: an incident is reported with a file, answered and completed by support, and followed by the customer`, async (t) => {
    const portal = await startPortal(t)
    let number = ''
    await t.test('the customer reports an incident with a file', async (t) => { number = await reportIncident(t, browsing, portal) })
    const created = await portal.db.selectFrom('requests').select(['id', 'title']).orderBy('id', 'desc').executeTakeFirstOrThrow()
    t.equal(`REQ-${String(created.id).padStart(6, '0')}`, number, 'the page opened is the request just written')
    t.equal(created.title, TITLE)
    if (!number) return
    await t.test('support takes it, answers, moves it to in progress then completed', (t) => handleAsSupport(t, browsing, portal, number))
    await t.test('the customer sees the answer and the status', (t) => followAsCustomer(t, browsing, portal, number))
    t.same((await emailsTo(portal, 'julien.blanc')).map((e) => e.template), ['request_reply', 'request_status', 'request_status'], 'the emails are in the outbox')
  })
}
