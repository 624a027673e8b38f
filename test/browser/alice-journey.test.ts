// Journey 1, in Chromium: Alice Martin (referent of OCB0000101, stored
// language French) signs in, finds her contracts, opens one, switches the
// language both ways with the header button, and signs out. The same journey
// runs four times: desktop and phone, with and without JavaScript (the portal
// has no script of its own, so everything must work without it).
// Screenshots: test-results/screenshots/alice-<browser>/.
import t, { type Test } from 'tap'
import type { Page, Response } from 'playwright-core'
import { DEMO_PASSWORD } from '../../scripts/seed-demo.js'
import { Journey, keyboardStops, launchBrowser, pathOf, redirectStatus, startPortal } from '../helpers/browser.js'

// Chromium starts slowly on a small machine: this tells the runner too.
t.setTimeout(240_000)

const desktop = await launchBrowser(t, { screen: 'desktop', javaScript: true })
const desktopNoJs = await launchBrowser(t, { screen: 'desktop', javaScript: false, auditor: desktop })
const phone = await launchBrowser(t, { screen: 'phone', javaScript: true })
const phoneNoJs = await launchBrowser(t, { screen: 'phone', javaScript: false, auditor: phone })

for (const browsing of [desktop, desktopNoJs, phone, phoneNoJs]) {
  t.test(`${browsing.label}: signing in brings back the customer's stored language (FR), a contract opens from the dashboard, `
    + 'the header button switches FR/EN both ways, and logging out lands on the login page with a notice', async (t) => {
    const journey = await Journey.start(t, browsing, await startPortal(t), `alice-${browsing.label}`)
    await anonymousVisitorIsSentToLogin(t, journey)
    await signInLandsOnFrenchDashboard(t, journey)
    if (browsing.screen === 'phone') await phoneMenuUnfoldsBehindItsToggle(t, journey)
    await contractLinkOpensItsDetails(t, journey)
    await headerButtonSwitchesLanguage(t, journey, { to: 'en', step: 'contract-en', expect: 'Summary' })
    await headerButtonSwitchesLanguage(t, journey, { to: 'fr', step: 'contract-fr-again', expect: 'Résumé' })
    await breadcrumbLeadsBackToDashboard(t, journey)
    await headerButtonSwitchesLanguage(t, journey, { to: 'en', step: 'dashboard-en', expect: 'Dashboard' })
    await logOutButtonEndsTheSession(t, journey)
  })
}

// WCAG 2.4.7: a keyboard user always sees where the focus is. Walks every
// Tab stop of the two pages with the most controls, on a wide screen (on a
// phone the menu checkbox shows its focus on its label instead).
t.test('desktop: every keyboard stop of the dashboard and of a contract page is on screen and shows a focus indicator', async (t) => {
  const journey = await Journey.start(t, desktop, await startPortal(t), 'keyboard-desktop')
  await journey.open('/login')
  await journey.see('login-page', { lang: 'en' })
  await signIn(journey, 'alice.martin')
  for (const [path, step] of [['/', 'dashboard'], ['/contracts/OCB0000101', 'contract']] as const) {
    await journey.open(path)
    await journey.see(step, { lang: 'fr' })
    await journey.page.reload() // Tab from the top of a page just loaded
    const stops = await keyboardStops(journey.page)
    t.ok(stops.length >= 5, `${path}: the keyboard reaches the header, the menu and the page (${stops.length} stops)`)
    for (const stop of stops) {
      const name = stop.id ? `#${stop.id}` : `${stop.tag} "${stop.text}"`
      const seen = stop.onScreen && stop.indicator !== null
      t.ok(seen, `${path}: ${name} is on screen (${stop.size}) and shows its focus (${stop.indicator ?? 'nothing'})`)
    }
  }
})

// --- the steps -------------------------------------------------------------

async function anonymousVisitorIsSentToLogin(t: Test, journey: Journey) {
  const response = await journey.open('/')
  t.equal(response.status(), 200)
  t.equal(pathOf(journey.page), '/login?next=%2F', 'the dashboard sends a visitor to the login page, remembering where she was going')
  await journey.see('login-page', { lang: 'en' })
  t.equal(await h1(journey.page), 'Log in', 'the login page is in the browser\'s language, English')
}

async function signInLandsOnFrenchDashboard(t: Test, journey: Journey) {
  const page = journey.page
  const response = await signIn(journey, 'alice.martin')
  t.equal(await redirectStatus(response), 303, 'the login form is answered with a redirect (post/redirect/get)')
  t.equal(response.status(), 200)
  t.equal(pathOf(page), '/', 'and lands on the dashboard')
  await journey.see('dashboard-fr', { lang: 'fr' })
  // Alice chose French earlier (users.locale): signing in brings it back.
  t.equal(await h1(page), 'Tableau de bord', 'the dashboard speaks her stored language, French')
  t.ok(await page.getByText('Connecté en tant que Alice Martin').isVisible(), 'the header names who is signed in')
  const contracts = page.getByRole('region', { name: /Vos contrats/ })
  t.match(await contracts.getByRole('heading').innerText(), /\(2\)/, 'the count says two contracts')
  for (const [code, name] of [['OCB0000101', 'Hexagone Production'], ['OCB0000102', 'Hexagone Santé']]) {
    const row = contracts.locator('.contract-item').filter({ hasText: code! })
    t.ok(await row.isVisible(), `her contract ${code} is listed`)
    t.match(await row.innerText(), name!, `with its name, ${name}`)
  }
  t.equal(await contracts.locator('.contract-item').filter({ hasText: 'OCB0000103' }).count(), 0, 'a contract she is not declared on is not listed')
}

// PRODUCT.md: on a phone the menu folds behind a toggle that needs no script.
async function phoneMenuUnfoldsBehindItsToggle(t: Test, journey: Journey) {
  const page = journey.page
  const menuLink = page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Tableau de bord' })
  t.notOk(await menuLink.isVisible(), 'on a phone the menu starts folded')
  await page.getByText('Menu', { exact: true }).tap()
  t.ok(await menuLink.isVisible(), 'tapping "Menu" unfolds it')
  t.ok(await page.getByRole('checkbox', { name: 'Menu' }).isChecked(), 'the toggle is a labelled checkbox, now ticked')
  await journey.see('menu-open', { lang: 'fr' })
}

async function contractLinkOpensItsDetails(t: Test, journey: Journey) {
  const page = journey.page
  // The person unfolds the contract (its code is on the entry) and follows its menu.
  const entry = page.locator('.contract-item').filter({ hasText: 'OCB0000101' })
  await entry.locator('summary').click()
  const link = entry.getByRole('link', { name: /^Informations du contrat/ })
  const response = await journey.submit(() => link.click())
  t.equal(response.status(), 200)
  t.equal(pathOf(page), '/contracts/OCB0000101', 'the contract\'s menu leads to its details')
  await journey.see('contract-fr', { lang: 'fr' })
  t.equal(await h1(page), 'Hexagone Production (OCB0000101)', 'the title names the contract and its code')
  t.ok(await page.getByRole('heading', { name: 'Résumé' }).isVisible(), 'the details are in French: "Résumé"')
  t.ok(await page.getByText('Vous êtes le référent de ce contrat').isVisible(), 'she is told she is its referent')
}

async function headerButtonSwitchesLanguage(t: Test, journey: Journey, switchTo: { to: 'en' | 'fr'; step: string; expect: string }) {
  const page = journey.page
  const before = pathOf(page)
  const button = page.getByRole('banner').getByRole('button', { name: switchTo.to === 'en' ? 'English' : 'Français' })
  const response = await journey.submit(() => button.click())
  t.equal(await redirectStatus(response), 303, `the ${switchTo.to.toUpperCase()} button posts and is answered with a redirect`)
  t.equal(response.status(), 200)
  t.equal(pathOf(page), before, 'back to the same page')
  await journey.see(switchTo.step, { lang: switchTo.to })
  t.ok(await page.getByRole('heading', { name: switchTo.expect, exact: true }).isVisible(), `the page now says "${switchTo.expect}"`)
}

async function breadcrumbLeadsBackToDashboard(t: Test, journey: Journey) {
  const page = journey.page
  const crumb = page.getByRole('navigation', { name: 'Fil d’Ariane' }).getByRole('link', { name: 'Tableau de bord' })
  const response = await journey.submit(() => crumb.click())
  t.equal(response.status(), 200)
  t.equal(pathOf(page), '/', 'the breadcrumb leads back to the dashboard')
  await journey.see('dashboard-fr-again', { lang: 'fr' })
  t.equal(await h1(page), 'Tableau de bord', 'still in French: "Tableau de bord"')
}

async function logOutButtonEndsTheSession(t: Test, journey: Journey) {
  const page = journey.page
  const response = await journey.submit(() => page.getByRole('button', { name: 'Log out' }).click())
  t.equal(await redirectStatus(response), 303, 'logging out is a POST answered with a redirect')
  t.equal(response.status(), 200)
  t.equal(pathOf(page), '/login', 'to the login page')
  await journey.see('logged-out', { lang: 'en' })
  t.equal(await h1(page), 'Log in')
  t.equal((await page.getByRole('status').innerText()).trim(), 'You have been logged out.', 'with the logged-out notice, in the language she left in')
  t.equal(await page.getByRole('button', { name: 'Log out' }).count(), 0, 'and no Log out button any more')
}

/** Types the login and password on the login page, as a person would, and sends the form. */
async function signIn(journey: Journey, login: string): Promise<Response> {
  const page = journey.page
  await page.getByLabel('Login').fill(login)
  await page.getByLabel('Password').fill(DEMO_PASSWORD)
  return journey.submit(() => page.getByRole('button', { name: 'Log in' }).click())
}

async function h1(page: Page): Promise<string> {
  return (await page.getByRole('heading', { level: 1 }).innerText()).replace(/\s+/g, ' ').trim()
}
