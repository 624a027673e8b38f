// The back-office as the provider's staff first use it, in Chromium, with the
// demo staff login (sophie.durand, admin): her first login forces two-factor
// enrolment; she creates a company and a contract with a new referent, whose
// welcome email (a real SMTP server on loopback) lets the referent choose a
// password and open the new contract; she unlocks a locked demo user and opens
// an incident on Flexible Engine. On a desktop and on a phone (360×740), and
// the tenant form once more without JavaScript. Every page gets the checks of
// Journey.see (screenshot, lang, headings, labels, focus, axe-core).
import t, { type Test } from 'tap'
import otplib from 'otplib'
import type { Page } from 'playwright-core'
import { DEMO_PASSWORD } from '../../scripts/seed-demo.js'
import { en } from '../../src/i18n/en.js'
import { deliverOutbox, Journey, launchBrowser, pathOf, redirectStatus, startPortal } from '../helpers/browser.js'
import { startSmtpServer } from '../helpers/smtp.js'

const { authenticator } = otplib

t.setTimeout(400_000)

const desktop = await launchBrowser(t, { screen: 'desktop', javaScript: true })
const desktopNoJs = await launchBrowser(t, { screen: 'desktop', javaScript: false, auditor: desktop })
const phone = await launchBrowser(t, { screen: 'phone', javaScript: true })

const REFERENT = { login: 'nina.kowalski', email: 'nina.kowalski@nova-robotics.example', password: 'Orbital#Welds2026' }

for (const browsing of [desktop, phone]) {
  t.test(`${browsing.label}: a new staff member enrols in two factors, creates a tenant whose new referent logs in, `
    + 'unlocks a locked user and opens an incident on Flexible Engine', async (t) => {
    const portal = await startPortal(t)
    const smtp = await startSmtpServer(t)
    const journey = await Journey.start(t, browsing, portal, `back-office-${browsing.label}`)

    await t.test('first login: two factors before the back-office', (t) => enrolAtFirstLogin(t, journey))
    await t.test('a company, then a contract with a new referent', (t) => createTenant(t, journey))
    await t.test('the referent gets the welcome email, chooses a password and sees the new contract', async (t) => {
      journey.reportTo(t)
      t.same(await deliverOutbox(portal, smtp.url), { sent: 1, failed: 0, retried: 0 }, 'one email leaves the outbox: the welcome')
      const email = smtp.received.find((message) => message.recipients.includes(REFERENT.email))
      t.ok(email, `a message to ${REFERENT.email}`)
      const link = new RegExp(`${portal.url.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}/password/reset/[A-Za-z0-9_-]+`).exec(email!.text)?.[0]
      t.ok(link, 'it carries the link to choose a password')
      await logOut(t, journey)
      await referentSetsPasswordAndLogsIn(t, journey, link!)
    })
    await t.test('unlock a locked demo user', async (t) => {
      await logOut(t, journey)
      await staffLogsInWithCode(t, journey)
      await unlockInes(t, journey)
    })
    await t.test('open an incident on Flexible Engine', (t) => openIncident(t, journey))
  })
}

t.test(`${desktopNoJs.label}: the tenant form works without JavaScript, errors included`, async (t) => {
  const portal = await startPortal(t)
  const journey = await Journey.start(t, desktopNoJs, portal, 'back-office-no-js')
  await enrolAtFirstLogin(t, journey)
  await createTenant(t, journey)
})

// --- the steps -------------------------------------------------------------

let currentSecret = ''

async function enrolAtFirstLogin(t: Test, journey: Journey) {
  journey.reportTo(t)
  const page = journey.page
  await journey.open('/login')
  await page.getByLabel('Login').fill('sophie.durand')
  await page.getByLabel('Password').fill(DEMO_PASSWORD)
  await journey.submit(() => page.getByRole('button', { name: 'Log in' }).click())
  t.equal(pathOf(page), '/account/security', 'a staff member without two factors is sent to My security')
  await journey.see('must-enrol', { lang: 'fr' })
  t.match(await page.getByRole('status').first().innerText(), 'Les comptes du personnel doivent utiliser la double authentification', 'and told why, in her language')

  await journey.submit(() => page.getByRole('button', { name: 'English' }).click())
  await journey.see('must-enrol-en', { lang: 'en' })
  await journey.submit(() => page.getByRole('button', { name: 'Turn on two-factor authentication' }).click())
  currentSecret = (await page.getByTestId('totp-secret').innerText()).replace(/\s/g, '')
  await page.getByLabel('Code from the app').fill(authenticator.generate(currentSecret))
  await journey.submit(() => page.getByRole('button', { name: 'Confirm and turn on' }).click())
  await journey.see('recovery-codes', { lang: 'en' })

  await journey.open('/admin')
  t.equal(pathOf(page), '/admin', 'the back-office opens once two factors are on')
  await journey.see('staff-dashboard', { lang: 'en' })
  t.equal(await h1(page), en['admin.dashboard.title'])
  t.ok(await page.getByRole('link', { name: en['admin.dashboard.locked_accounts.one'] }).isVisible(), 'the locked demo account needs action')
}

async function createTenant(t: Test, journey: Journey) {
  journey.reportTo(t)
  const page = journey.page
  await openFromMenu(journey, en['admin.nav.companies'], '/admin/companies')
  await journey.see('companies', { lang: 'en' })
  await journey.submit(() => page.getByRole('link', { name: en['admin.companies.new'] }).click())
  await journey.see('new-company', { lang: 'en' })

  // First with a name that exists: the form comes back with the message, what was typed kept.
  await page.getByLabel(label('contract.field.company_name')).fill('Hexagone Industries')
  await page.getByLabel(label('admin.companies.field.city')).fill('Grenoble')
  let response = await journey.submit(() => page.getByRole('button', { name: en['admin.companies.create_company'] }).click())
  t.equal(response.status(), 422, 'a duplicate company name is refused')
  await journey.see('company-name-taken', { lang: 'en' })
  t.ok(await page.getByRole('link', { name: /already called/ }).isVisible(), 'the error summary links to the field')
  t.equal(await page.getByLabel(label('admin.companies.field.city')).inputValue(), 'Grenoble', 'what was typed is kept')

  await page.getByLabel(label('contract.field.company_name')).fill('Nova Robotics')
  response = await journey.submit(() => page.getByRole('button', { name: en['admin.companies.create_company'] }).click())
  t.equal(await redirectStatus(response), 303, 'the company is created (post/redirect/get)')
  await journey.see('company', { lang: 'en' })
  t.equal(await h1(page), 'Nova Robotics')

  await journey.submit(() => page.getByRole('link', { name: en['admin.companies.new_contract'] }).click())
  await journey.see('new-contract', { lang: 'en' })
  await page.getByLabel(label('contract.field.name')).fill('Nova Robotics Production')
  await page.getByRole('radio', { name: en['offer.fe'], exact: true }).check()
  await page.getByLabel(label('contract.field.support_level')).selectOption('business')
  await page.getByLabel(label('admin.companies.field.referent_email')).fill(REFERENT.email)
  response = await journey.submit(() => page.getByRole('button', { name: en['admin.companies.create_contract'] }).click())
  t.equal(response.status(), 422, 'a new referent needs a name and a login')
  await journey.see('new-referent-needs-a-name', { lang: 'en' })
  t.equal(await page.getByLabel(label('admin.companies.field.referent_email')).inputValue(), REFERENT.email, 'the email typed is kept')

  await page.getByRole('radio', { name: en['account.title.mrs'], exact: true }).check()
  await page.getByLabel(label('rights.wizard.first_name')).fill('Nina')
  await page.getByLabel(label('rights.wizard.last_name')).fill('Kowalski')
  await page.getByLabel(label('rights.wizard.login')).fill(REFERENT.login)
  response = await journey.submit(() => page.getByRole('button', { name: en['admin.companies.create_contract'] }).click())
  t.equal(await redirectStatus(response), 303, 'the contract is created')
  await journey.see('contract', { lang: 'en' })
  t.match(pathOf(page), /^\/admin\/contracts\/OCB\d{7}$/, 'on its page, under its generated code')
  t.match(await page.getByRole('status').first().innerText(), /The contract OCB\d{7} has been created and its referent informed by email/)
}

async function referentSetsPasswordAndLogsIn(t: Test, journey: Journey, link: string) {
  const page = journey.page
  await journey.submit(() => page.goto(link))
  await journey.see('choose-your-password', { lang: 'en' })
  t.equal(await h1(page), 'Choose your password')
  await page.getByLabel(/^New password/).fill(REFERENT.password)
  await page.getByLabel('Type the new password again').fill(REFERENT.password)
  await journey.submit(() => page.getByRole('button', { name: 'Save the password' }).click())
  t.equal(pathOf(page), '/login')
  await page.getByLabel('Login').fill(REFERENT.login)
  await page.getByLabel('Password').fill(REFERENT.password)
  await journey.submit(() => page.getByRole('button', { name: 'Log in' }).click())
  t.equal(pathOf(page), '/', 'the referent is on the dashboard')
  await journey.see('referent-dashboard', { lang: 'en' })
  t.ok(await page.getByText('Nova Robotics Production').first().isVisible(), 'the new contract is on it')
}

async function staffLogsInWithCode(t: Test, journey: Journey) {
  const page = journey.page
  await page.getByLabel('Login').fill('sophie.durand')
  await page.getByLabel('Password').fill(DEMO_PASSWORD)
  await journey.submit(() => page.getByRole('button', { name: 'Log in' }).click())
  t.equal(pathOf(page), '/login/2fa', 'now her login asks for the code')
  // The enrolment spent the current step: the next one, as the app shows 30 s later.
  await page.getByLabel(label('login2fa.code')).fill(authenticator.clone({ epoch: Date.now() + 30_000 }).generate(currentSecret))
  await journey.submit(() => page.getByRole('button', { name: en['login2fa.submit'] }).click())
  t.equal(pathOf(page), '/admin', 'and lands on the back-office')
}

async function unlockInes(t: Test, journey: Journey) {
  journey.reportTo(t)
  const page = journey.page
  await journey.submit(() => page.getByRole('link', { name: en['admin.dashboard.locked_accounts.one'] }).click())
  t.equal(pathOf(page), '/admin/users?state=locked', 'the dashboard count leads to the locked accounts')
  await journey.see('locked-users', { lang: 'en' })
  await journey.submit(() => page.getByRole('link', { name: /ines\.garnier|Garnier/ }).first().click())
  await journey.see('ines-profile', { lang: 'en' })
  const response = await journey.submit(() => page.getByRole('button', { name: en['admin.users.unlock.button'] }).click())
  t.equal(await redirectStatus(response), 303)
  await journey.see('ines-unlocked', { lang: 'en' })
  t.match(await page.getByRole('status').first().innerText(), /is unlocked: they can log in again/)
}

async function openIncident(t: Test, journey: Journey) {
  journey.reportTo(t)
  const page = journey.page
  await openFromMenu(journey, en['admin.nav.platforms'], '/admin/platforms')
  await journey.see('platforms', { lang: 'en' })
  await journey.submit(() => page.getByRole('link', { name: en['admin.platforms.open_incident'] }).first().click())
  t.match(page.url(), /platform=flexible_engine/, 'Flexible Engine is the first platform')
  await journey.see('new-incident', { lang: 'en' })
  await page.getByLabel(/Major/).first().check()
  await page.getByLabel('Paris', { exact: false }).first().check()
  await page.getByLabel(label('admin.platforms.field.title_en')).fill('Block storage slow in Paris')
  await page.getByLabel(label('admin.platforms.field.text_en')).fill('Volumes in eu-west-0 answer slowly. Our teams are on it.')
  await page.getByLabel(label('admin.platforms.field.title_fr')).fill('Stockage bloc lent à Paris')
  let response = await journey.submit(() => page.getByRole('button', { name: en['admin.platforms.incident.open_submit'] }).click())
  t.equal(response.status(), 422, 'the French text is missing: refused')
  await journey.see('incident-french-missing', { lang: 'en' })
  await page.getByLabel(label('admin.platforms.field.text_fr')).fill('Les volumes de eu-west-0 répondent lentement. Nos équipes sont dessus.')
  response = await journey.submit(() => page.getByRole('button', { name: en['admin.platforms.incident.open_submit'] }).click())
  t.equal(await redirectStatus(response), 303, 'the incident is opened')
  await journey.see('incident', { lang: 'en' })
  t.match(pathOf(page), /^\/admin\/incidents\/\d+$/)
  t.ok(await page.getByText('Block storage slow in Paris').first().isVisible())
}

/** The main menu's link on a desktop; on a phone the menu is folded, so the address is typed. */
async function openFromMenu(journey: Journey, name: string, path: string) {
  const page = journey.page
  if (journey.browsing.screen === 'phone') {
    await journey.open(path)
    return
  }
  await journey.submit(() => page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name }).click())
}

async function logOut(t: Test, journey: Journey) {
  const page = journey.page
  const response = await journey.submit(() => page.getByRole('banner').getByRole('button', { name: /Log out|Se déconnecter/ }).click())
  t.equal(await redirectStatus(response), 303)
  t.equal(pathOf(page), '/login')
}

/** A field's label from the catalog: the start of it, as a mandatory field's label ends with "*". */
function label(key: keyof typeof en): RegExp {
  return new RegExp(`^${en[key].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)
}

async function h1(page: Page): Promise<string> {
  return (await page.getByRole('heading', { level: 1 }).innerText()).replace(/\s+/g, ' ').trim()
}

