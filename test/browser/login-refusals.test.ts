// The login page's refusals, in Chromium, with and without JavaScript: a
// locked account, a form whose CSRF token was tampered with, a wrong
// password. Each is refused with a page that says why, in the right status.
// Screenshots: test-results/screenshots/<refusal>-<browser>/.
import t, { type Test } from 'tap'
import type { Page, Response } from 'playwright-core'
import { DEMO_PASSWORD } from '../../scripts/seed-demo.js'
import { Journey, launchBrowser, pathOf, startPortal, type Browsing } from '../helpers/browser.js'

// Chromium starts slowly on a small machine: this tells the runner too.
t.setTimeout(180_000)

const desktop = await launchBrowser(t, { screen: 'desktop', javaScript: true })
const desktopNoJs = await launchBrowser(t, { screen: 'desktop', javaScript: false, auditor: desktop })

for (const browsing of [desktop, desktopNoJs]) {
  t.test(`${browsing.label}: a locked account is refused with the locked message (422) and stays on the login page`, async (t) => {
    const journey = await openLoginPage(t, browsing, 'locked-account')
    // ines.garnier is seeded locked (scripts/seed-demo.ts), her password is right.
    const response = await sendLoginForm(journey, 'ines.garnier', DEMO_PASSWORD)
    t.equal(response.status(), 422)
    t.equal(pathOf(journey.page), '/login', 'still on the login page')
    await journey.see('locked', { lang: 'en' })
    t.match(await errorSummary(journey.page).innerText(), /This account is locked after too many failed attempts\. Try again after .+, or reset your password\./,
      'the summary says the account is locked and until when')
    await loginKeptPasswordEmptied(t, journey.page, 'ines.garnier')
    t.equal(await journey.page.getByRole('button', { name: 'Log out' }).count(), 0, 'nobody is signed in')
  })

  t.test(`${browsing.label}: a login form posted with a wrong CSRF token is answered 403 "This form has expired"`, async (t) => {
    const journey = await openLoginPage(t, browsing, 'csrf-expired')
    // What a forged cross-site form would send: the right password, not our token.
    await loginForm(journey.page).locator('input[name="_csrf"]').evaluate((input: { value: string }) => {
      input.value = 'forged-token'
    })
    const response = await sendLoginForm(journey, 'alice.martin', DEMO_PASSWORD)
    t.equal(response.status(), 403)
    await journey.see('form-expired', { lang: 'en' })
    t.equal(await h1(journey.page), 'This form has expired')
    t.ok(await journey.page.getByText('For your security, forms expire.', { exact: false }).isVisible(), 'it says what to do')
    t.ok(await journey.page.getByRole('main').getByRole('link', { name: 'Back to the dashboard' }).isVisible(), 'and offers a way back')
    t.equal(await journey.page.getByRole('button', { name: 'Log out' }).count(), 0, 'the right password did not sign anybody in')
  })

  t.test(`${browsing.label}: a wrong password is answered 422 with the error summary above the form and the login kept`, async (t) => {
    const journey = await openLoginPage(t, browsing, 'wrong-password')
    const response = await sendLoginForm(journey, 'alice.martin', 'Wrong#Pass1')
    t.equal(response.status(), 422)
    t.equal(pathOf(journey.page), '/login', 'still on the login page')
    await journey.see('wrong-password', { lang: 'en' })
    const summary = errorSummary(journey.page)
    t.ok(await summary.getByRole('heading', { name: 'There is a problem' }).isVisible(), 'the summary is titled "There is a problem"')
    t.match(await summary.innerText(), 'The login or password is incorrect', 'and says what went wrong, without telling which')
    await summaryIsAboveTheForm(t, journey.page)
    await summaryLinksToTheForm(t, journey.page)
    await loginKeptPasswordEmptied(t, journey.page, 'alice.martin')
  })
}

// --- the steps -------------------------------------------------------------

async function openLoginPage(t: Test, browsing: Browsing, refusal: string): Promise<Journey> {
  const journey = await Journey.start(t, browsing, await startPortal(t), `${refusal}-${browsing.label}`)
  const response = await journey.open('/login')
  t.equal(response.status(), 200)
  await journey.see('login-page', { lang: 'en' })
  return journey
}

/** The login form (the header's language switch is a form too). */
function loginForm(page: Page) {
  return page.locator('form').filter({ has: page.getByRole('button', { name: 'Log in' }) })
}

async function sendLoginForm(journey: Journey, login: string, password: string): Promise<Response> {
  const page = journey.page
  await page.getByLabel('Login').fill(login)
  await page.getByLabel('Password').fill(password)
  return journey.submit(() => page.getByRole('button', { name: 'Log in' }).click())
}

function errorSummary(page: Page) {
  return page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'There is a problem' }) })
}

// GOV.UK: the summary comes first, so it is what a person reads first.
async function summaryIsAboveTheForm(t: Test, page: Page) {
  const summary = await errorSummary(page).boundingBox()
  const field = await page.getByLabel('Login').boundingBox()
  t.ok(summary && field && summary.y + summary.height <= field.y, 'the error summary is above the form')
}

// PRODUCT.md: "an error summary at the top linking to each field".
async function summaryLinksToTheForm(t: Test, page: Page) {
  const targets = await errorSummary(page).getByRole('link').evaluateAll((links: Array<{ getAttribute(name: string): string | null }>) =>
    links.map((link) => link.getAttribute('href')))
  const linked = targets.some((href) => href === '#login' || href === '#password')
  t.ok(linked, `the error summary links to the form's fields (links: ${JSON.stringify(targets)})`)
}

async function loginKeptPasswordEmptied(t: Test, page: Page, login: string) {
  t.equal(await page.getByLabel('Login').inputValue(), login, 'the login typed is kept')
  t.equal(await page.getByLabel('Password').inputValue(), '', 'the password is not sent back')
}

async function h1(page: Page): Promise<string> {
  return (await page.getByRole('heading', { level: 1 }).innerText()).replace(/\s+/g, ' ').trim()
}
