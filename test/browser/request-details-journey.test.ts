// A request's page in Chromium, each page through Journey.see: Emma Leroy
// (English) opens her open P1 incident on Lumière Web (seeded by
// scripts/seed-demo-requests.ts), reads its status history and the support
// team's reply, and adds a comment with a PDF, then finds it in the
// conversation with its download link — on a desktop, on a phone (360 px)
// and without JavaScript. On the phone, an empty message comes back first
// with its message. Screenshots: test-results/screenshots/request-details-*/.
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

const files = mkdtempSync(join(tmpdir(), 'ccs-request-'))
const PDF_FILE = join(files, 'traceroute.pdf')
writeFileSync(PDF_FILE, '%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n')

async function commentJourney(t: Test, browsing: Browsing, withRefusal: boolean) {
  const portal = await startPortal(t)
  const request = await portal.db.selectFrom('requests').select('id').where('title', '=', 'Web front unreachable').executeTakeFirstOrThrow()
  const number = `REQ-${String(request.id).padStart(6, '0')}`
  const journey = await Journey.start(t, browsing, portal, `request-details-${browsing.label}`)
  await signIn(journey, 'emma.leroy')
  await journey.open(`/requests/${number}`)
  await journey.see('request', { lang: 'en' })
  const page = journey.page
  t.match(await page.locator('h1').innerText(), 'Web front unreachable')
  t.match(await page.locator('section:has(#details-heading)').innerText(), /P1 – critical[\s\S]*Expected by[\s\S]*Thomas G\./)
  t.match(await page.locator('section:has(#history-heading)').innerText(), /Transmitted[\s\S]*Emma Leroy[\s\S]*In progress[\s\S]*Support team \(Thomas\)/)
  t.match(await page.locator('#conversation').innerText(), 'restoring its NAT rules')
  if (withRefusal) {
    const refused = await journey.submit(() => page.getByRole('button', { name: 'Send the comment' }).click())
    t.equal(refused.status(), 422)
    await journey.see('request-comment-empty', { lang: 'en' })
    t.match(await page.locator('.error-summary').innerText(), 'Enter your message')
  }
  await page.getByLabel(/^Your message/).fill('Still unreachable from our office.\nTraceroute attached.')
  await page.getByLabel(/^Attachment/).setInputFiles(PDF_FILE)
  await journey.submit(() => page.getByRole('button', { name: 'Send the comment' }).click())
  await journey.see('request-commented', { lang: 'en' })
  t.match(await page.getByRole('status').innerText(), 'Your comment has been sent to the support team.')
  const conversation = await page.locator('#conversation').innerText()
  t.match(conversation, /Emma Leroy[\s\S]*Still unreachable from our office\.\nTraceroute attached\.[\s\S]*traceroute\.pdf/)
  t.match(await page.getByRole('link', { name: 'traceroute.pdf' }).getAttribute('href'), new RegExp(`^/requests/${number}/attachments/\\d+$`))
}

t.test(`${desktop.label}: the author reads the history and the staff reply, then comments with a PDF and sees it`, async (t) => {
  await commentJourney(t, desktop, false)
})

t.test(`${phone.label}: an empty comment comes back with its message, then a comment with a PDF is added`, async (t) => {
  await commentJourney(t, phone, true)
})

t.test(`${desktopNoJs.label}: the comment form with a file works without JavaScript`, async (t) => {
  await commentJourney(t, desktopNoJs, false)
})
