// The identity journeys, in Chromium, as a person does them:
// - a forgotten password: the link asked for on the login page arrives by
//   email (a real SMTP server on loopback), opens the page that sets a new
//   password, and the new password signs in;
// - two-factor authentication: turned on from My account → My security with
//   a code computed as an authenticator app would, then asked at each login,
//   where a recovery code stands in for the app once;
// - without JavaScript: My account, My security (the whole TOTP enrolment)
//   and the notifications, in French.
// The first two run on a desktop and on a phone (360×740). Every page gets the
// checks of Journey.see (screenshot, lang, headings, labels, focus, axe-core).
// Screenshots: test-results/screenshots/<journey>-<browser>/.
import t, { type Test } from 'tap'
import otplib from 'otplib'
import type { Page, Response } from 'playwright-core'
import { DEMO_PASSWORD } from '../../scripts/seed-demo.js'
import { checkNewPassword } from '../../src/lib/password-rules.js'
import { deliverOutbox, Journey, launchBrowser, pathOf, redirectStatus, startPortal, type Locale } from '../helpers/browser.js'
import { startSmtpServer, type ReceivedEmail } from '../helpers/smtp.js'

const { authenticator } = otplib

// Chromium starts slowly on a small machine: this tells the runner too.
t.setTimeout(240_000)

const desktop = await launchBrowser(t, { screen: 'desktop', javaScript: true })
const desktopNoJs = await launchBrowser(t, { screen: 'desktop', javaScript: false, auditor: desktop })
const phone = await launchBrowser(t, { screen: 'phone', javaScript: true })

// Follows the rule (src/lib/password-rules.ts): 16 characters, lower and upper
// case, digits, a special character, not the login.
const NEW_PASSWORD = 'Harbour#Lights42'

for (const browsing of [desktop, phone]) {
  t.test(`${browsing.label}: a forgotten password is replaced through the emailed link, which works once; `
    + 'the new password signs in and the change is notified', async (t) => {
    const portal = await startPortal(t)
    const smtp = await startSmtpServer(t)
    const journey = await Journey.start(t, browsing, portal, `forgotten-password-${browsing.label}`)
    const page = journey.page

    await journey.open('/login')
    await journey.see('login-page', { lang: 'en' })
    let response = await journey.submit(() => page.getByRole('link', { name: 'Forgot your password?' }).click())
    t.equal(pathOf(page), '/password/forgot', 'the login page links to the forgotten password page')
    await journey.see('forgot-page', { lang: 'en' })
    t.equal(await h1(page), 'Forgotten password')

    await page.getByLabel('Login or email address').fill('chloe.bernard')
    response = await journey.submit(() => page.getByRole('button', { name: 'Send me a link' }).click())
    t.equal(await redirectStatus(response), 303, 'the form is answered with a redirect (post/redirect/get)')
    t.equal(pathOf(page), '/password/forgot/sent')
    await journey.see('check-your-email', { lang: 'en' })
    t.equal(await h1(page), 'Check your email', 'the person is told to look at her email')

    t.same(await deliverOutbox(portal, smtp.url), { sent: 1, failed: 0, retried: 0 }, 'one email leaves the outbox')
    const email = onlyEmail(t, smtp.received, 'chloe.bernard@hexagone.example')
    t.equal(email.subject, 'Reset your password', 'in her language, English')
    const link = resetLink(email, portal.url)
    t.ok(link, `the email carries a link to this portal's reset page (${link?.slice(0, 60)}…)`)
    t.match(email.html, `href="${link}"`, 'the HTML part links to the same address')

    response = await journey.submit(() => page.goto(link!))
    t.equal(response.status(), 200, 'the link opens in the browser')
    await journey.see('choose-new-password', { lang: 'en' })
    t.equal(await h1(page), 'Choose a new password')
    t.match(await page.getByText('At least 8 characters').innerText(), /lower case letter, an upper case letter, a digit/, 'the rule is shown before typing')
    t.same(checkNewPassword(NEW_PASSWORD, 'chloe.bernard'), [], `${NEW_PASSWORD} follows the password rule`)
    await page.getByLabel(/^New password/).fill(NEW_PASSWORD)
    await page.getByLabel('Type the new password again').fill(NEW_PASSWORD)
    t.equal((await page.getByText(/^Strength:/).innerText()).trim(), 'Strength: strong', 'with JavaScript, the meter says the password is strong')
    await journey.see('new-password-typed', { lang: 'en' })

    response = await journey.submit(() => page.getByRole('button', { name: 'Save the password' }).click())
    t.equal(await redirectStatus(response), 303, 'saving is answered with a redirect')
    t.equal(pathOf(page), '/login', 'to the login page')
    await journey.see('password-saved', { lang: 'en' })
    t.equal((await page.getByRole('status').innerText()).trim(), 'Your password is saved. Log in with it.', 'with the "password saved" notice')

    response = await logIn(journey, 'chloe.bernard', DEMO_PASSWORD)
    t.equal(response.status(), 422, 'the old password no longer signs in')
    await journey.see('old-password-refused', { lang: 'en' })

    response = await logIn(journey, 'chloe.bernard', NEW_PASSWORD)
    t.equal(pathOf(page), '/', 'the new password signs in, to the dashboard')
    await journey.see('dashboard', { lang: 'en' })
    t.equal(await h1(page), 'Dashboard')

    // The count is aria-hidden; its words are in a visually hidden span.
    const notifications = page.getByRole('banner').getByRole('link', { name: 'Notifications (1 unread)', exact: true })
    t.equal(await notifications.count(), 1, 'the header\'s Notifications link says one is unread, to a screen reader too')
    response = await journey.submit(() => notifications.click())
    t.equal(pathOf(page), '/notifications')
    await journey.see('notifications', { lang: 'en' })
    t.ok(await page.getByText('Your password was changed.').isVisible(), 'it tells her that her password was changed')

    t.same(await deliverOutbox(portal, smtp.url), { sent: 1, failed: 0, retried: 0 }, 'and so does an email')
    t.equal(smtp.received.at(-1)?.subject, 'Your password was changed')

    response = await journey.submit(() => page.goto(link!))
    t.equal(response.status(), 410, 'the emailed link, opened again, is refused as used (410)')
    await journey.see('link-used', { lang: 'en' })
    t.equal(await h1(page), 'This link no longer works')
    t.ok(await page.getByText('This link has already been used.').isVisible(), 'and says why')
  })

  t.test(`${browsing.label}: two-factor authentication is turned on from My account with an app's code, `
    + 'then every login asks for a code, and a recovery code stands in for the app', async (t) => {
    const journey = await Journey.start(t, browsing, await startPortal(t), `two-factor-${browsing.label}`)
    const page = journey.page

    await journey.open('/login')
    await journey.see('login-page', { lang: 'en' })
    await logIn(journey, 'emma.leroy', DEMO_PASSWORD)
    t.equal(pathOf(page), '/')
    await journey.see('dashboard', { lang: 'en' })

    await journey.submit(() => page.getByRole('banner').getByRole('link', { name: /^My account/ }).click())
    t.equal(pathOf(page), '/account', 'the header links to My account')
    await journey.see('my-account', { lang: 'en' })
    t.equal(await h1(page), 'My account')
    const security = page.getByRole('region', { name: 'My security' })
    t.match(await security.innerText(), 'Two-factor authentication is off.', 'it says two-factor authentication is off')
    t.match(await security.innerText(), /Signed in on 1 browser\./, 'and counts her one signed-in browser in the singular ("1 browser")')

    await journey.submit(() => page.getByRole('link', { name: 'Manage my security' }).click())
    t.equal(pathOf(page), '/account/security', 'My account links to My security')
    await journey.see('my-security', { lang: 'en' })
    t.equal(await h1(page), 'My security')

    const { secret } = await turnOnTwoFactor(t, journey, 'en')
    const codes = await keepRecoveryCodes(t, journey, 'en')
    const kept = codes[4]!
    t.ok(await page.getByText('Recovery codes left: 10.').isVisible(), 'My security says it is on, with ten recovery codes')

    await logOut(t, journey)
    let response = await logIn(journey, 'emma.leroy', DEMO_PASSWORD)
    t.equal(await redirectStatus(response), 303)
    t.equal(pathOf(page), '/login/2fa', 'the right password leads to the second step, not to the dashboard')
    await journey.see('second-step', { lang: 'en' })
    t.equal(await h1(page), 'Two-factor authentication')
    t.equal(await page.getByRole('button', { name: 'Log out' }).count(), 0, 'nobody is signed in yet')

    // One step ahead: the enrolment spent the current step, and a code is never accepted twice.
    await page.getByLabel('Code').fill(codeFor(secret, 1))
    response = await journey.submit(() => page.getByRole('button', { name: 'Continue' }).click())
    t.equal(await redirectStatus(response), 303)
    t.equal(pathOf(page), '/', 'the code from the app signs in, to the dashboard')
    await journey.see('dashboard-after-code', { lang: 'en' })
    t.equal(await h1(page), 'Dashboard')

    await logOut(t, journey)
    await logIn(journey, 'emma.leroy', DEMO_PASSWORD)
    t.equal(pathOf(page), '/login/2fa')
    await journey.see('second-step-again', { lang: 'en' })
    await page.getByLabel('Code').fill(kept)
    response = await journey.submit(() => page.getByRole('button', { name: 'Continue' }).click())
    t.equal(await redirectStatus(response), 303)
    t.equal(pathOf(page), '/', `a recovery code (${kept}) signs in instead of the app's code`)
    await journey.see('dashboard-after-recovery-code', { lang: 'en' })

    await journey.submit(() => page.getByRole('banner').getByRole('link', { name: /^My account/ }).click())
    await journey.submit(() => page.getByRole('link', { name: 'Manage my security' }).click())
    await journey.see('recovery-code-spent', { lang: 'en' })
    t.ok(await page.getByText('Recovery codes left: 9.').isVisible(), 'the recovery code is spent: nine are left')
  })
}

t.test('desktop-nojs: My account, My security (turning on two-factor authentication) and the notifications work without JavaScript, in French', async (t) => {
  const journey = await Journey.start(t, desktopNoJs, await startPortal(t), `identity-pages-${desktopNoJs.label}`)
  const page = journey.page

  await journey.open('/login')
  await journey.see('login-page', { lang: 'en' })
  await logIn(journey, 'alice.martin', DEMO_PASSWORD)
  t.equal(pathOf(page), '/')
  await journey.see('dashboard', { lang: 'fr' })

  await journey.submit(() => page.getByRole('banner').getByRole('link', { name: /^Mon compte/ }).click())
  t.equal(pathOf(page), '/account')
  await journey.see('my-account', { lang: 'fr' })
  t.equal(await h1(page), 'Mon compte')

  await journey.submit(() => page.getByRole('link', { name: 'Gérer ma sécurité' }).click())
  t.equal(pathOf(page), '/account/security')
  await journey.see('my-security', { lang: 'fr' })
  t.equal(await h1(page), 'Ma sécurité')

  await turnOnTwoFactor(t, journey, 'fr')
  await keepRecoveryCodes(t, journey, 'fr')

  const notifications = page.getByRole('banner').getByRole('link', { name: /^Notifications \(1 non lues?\)$/ })
  t.equal(await notifications.count(), 1, 'the header\'s Notifications link counts one unread notification')
  t.equal(await page.getByRole('banner').getByRole('link', { name: 'Notifications (1 non lue)', exact: true }).count(), 1,
    'one unread notification is counted in the singular: "1 non lue"')
  await journey.submit(() => notifications.click())
  t.equal(pathOf(page), '/notifications')
  await journey.see('notifications', { lang: 'fr' })
  const item = page.getByRole('listitem').filter({ hasText: 'L’authentification à deux facteurs a été activée.' })
  t.ok(await item.isVisible(), 'the notification says two-factor authentication was turned on')
  const response = await journey.submit(() => item.getByRole('button', { name: 'Marquer comme lue' }).click())
  t.equal(await redirectStatus(response), 303, 'marking it as read is a form: no script needed')
  await journey.see('notification-read', { lang: 'fr' })
  t.equal(await page.getByRole('button', { name: 'Marquer comme lue' }).count(), 0, 'nothing is left to mark as read')
})

// --- the steps -------------------------------------------------------------

const SECURITY_TEXT = {
  en: { start: 'Turn on two-factor authentication', qr: 'QR code to scan with your authenticator app', code: 'Code from the app', confirm: 'Confirm and turn on', codes: 'Your recovery codes', done: 'I have kept my codes', on: 'Two-factor authentication is on.' },
  fr: { start: 'Activer l’authentification à deux facteurs', qr: /QR/, code: 'Code de l’application', confirm: 'Confirmer et activer', codes: 'Vos codes de secours', done: 'J’ai gardé mes codes', on: null },
} as const

/** On My security: turns it on, reads the key as a person would to type it
 * into an app, and confirms with the app's code. Ends on the recovery codes. */
async function turnOnTwoFactor(t: Test, journey: Journey, lang: Locale): Promise<{ secret: string }> {
  const page = journey.page
  const text = SECURITY_TEXT[lang]
  let response = await journey.submit(() => page.getByRole('button', { name: text.start }).click())
  t.equal(await redirectStatus(response), 303, 'turning it on is a form answered with a redirect')
  t.equal(pathOf(page), '/account/security')
  await journey.see('scan-the-code', { lang })
  t.ok(await page.getByRole('img', { name: text.qr }).isVisible(), 'a QR code to scan is shown, with a text alternative')
  const shown = (await page.getByTestId('totp-secret').innerText()).trim()
  t.match(shown, /^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/, 'the key is shown to type by hand, in groups of four')
  const secret = shown.replace(/\s/g, '')

  await page.getByLabel(text.code).fill(codeFor(secret))
  response = await journey.submit(() => page.getByRole('button', { name: text.confirm }).click())
  t.equal(response.status(), 200, 'the app\'s code turns it on')
  await journey.see('recovery-codes', { lang })
  t.equal(await h1(page), text.codes)
  return { secret }
}

/** On the recovery codes page: the ten codes, then "I have kept my codes". */
async function keepRecoveryCodes(t: Test, journey: Journey, lang: Locale): Promise<string[]> {
  const page = journey.page
  const text = SECURITY_TEXT[lang]
  const codes = (await page.locator('.recovery-codes li').allInnerTexts()).map((code) => code.trim())
  t.equal(codes.length, 10, 'ten recovery codes are shown')
  t.equal(new Set(codes).size, 10, 'all different')
  t.ok(codes.every((code) => /^[a-z2-9]{5}-[a-z2-9]{5}$/.test(code)), `each easy to copy (${codes[0]})`)
  if (text.on) t.equal((await page.getByRole('status').first().innerText()).trim(), text.on, 'a notice says it is on')
  await journey.submit(() => page.getByRole('link', { name: text.done }).click())
  t.equal(pathOf(page), '/account/security', 'back to My security')
  await journey.see('two-factor-on', { lang })
  return codes
}

/** The code an authenticator app shows for this key, `stepsAhead` 30-second steps from now. */
function codeFor(secret: string, stepsAhead = 0): string {
  return authenticator.clone({ epoch: Date.now() + stepsAhead * 30_000 }).generate(secret)
}

/** Types the login and password on the login page and sends the form. */
async function logIn(journey: Journey, login: string, password: string): Promise<Response> {
  const page = journey.page
  await page.getByLabel('Login').fill(login)
  await page.getByLabel('Password').fill(password)
  return journey.submit(() => page.getByRole('button', { name: 'Log in' }).click())
}

async function logOut(t: Test, journey: Journey) {
  const page = journey.page
  const response = await journey.submit(() => page.getByRole('banner').getByRole('button', { name: 'Log out' }).click())
  t.equal(await redirectStatus(response), 303)
  t.equal(pathOf(page), '/login', 'logging out lands on the login page')
  await journey.see('logged-out', { lang: 'en' })
}

function onlyEmail(t: Test, received: ReceivedEmail[], to: string): ReceivedEmail {
  t.equal(received.length, 1, 'the SMTP server received one message')
  const [email] = received
  t.same(email?.recipients, [to], `addressed to ${to}`)
  return email!
}

/** The reset link in the text part: an address of this portal. */
function resetLink(email: ReceivedEmail, portalUrl: string): string | undefined {
  const escaped = portalUrl.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
  return new RegExp(`${escaped}/password/reset/[A-Za-z0-9_-]+`).exec(email.text)?.[0]
}

async function h1(page: Page): Promise<string> {
  return (await page.getByRole('heading', { level: 1 }).innerText()).replace(/\s+/g, ' ').trim()
}
