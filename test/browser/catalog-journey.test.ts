// Issue 9's journey, in Chromium, each page through Journey.see: Hélène
// Fabre (French, referent of Rivage Core Banking, OCB0000301) opens the
// Catalog from the main menu, searches, filters a category, reads "More
// information" of "Modifier le nom de votre contrat" and orders a new name;
// she lands on the order's page in Requests (transmitted, her answer shown),
// finds it in her Requests list and gets the confirmation email (a real SMTP
// server on loopback). Thomas Girard (support) finds the order in the staff
// queue, reads what completing it will do, takes it, moves it to in
// progress then completed; Hélène sees the contract's new name on her
// dashboard and on the contract's page. Gabriel Roux, services manager on
// the same contract but not its referent, doesn't see the service and gets
// the 403 page at its address.
// Run on a desktop, on a phone (360 px) and on a desktop without JavaScript.
// Screenshots: test-results/screenshots/catalog-*/.
import t, { type Test } from 'tap'
import { en } from '../../src/i18n/en.js'
import { fr } from '../../src/i18n/fr.js'
import { deliverOutbox, Journey, launchBrowser, pathOf, redirectStatus, startPortal, type Browsing, type Portal } from '../helpers/browser.js'
import { signIn, signInStaff } from '../helpers/journey-sign-in.js'
import { startSmtpServer } from '../helpers/smtp.js'

t.setTimeout(600_000)

const desktop = await launchBrowser(t, { screen: 'desktop', javaScript: true })
const desktopNoJs = await launchBrowser(t, { screen: 'desktop', javaScript: false, auditor: desktop })
const phone = await launchBrowser(t, { screen: 'phone', javaScript: true })

const CONTRACT = { code: 'OCB0000301', name: 'Rivage Core Banking' }
const SERVICE = { code: 'modify-contract-name', fr: 'Modifier le nom de votre contrat', en: 'Modify the name of your contract' }
const NEW_NAME = 'Rivage Banque Cœur'

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Follows an entry of the main menu; on a phone, unfolds the menu first (a labelled checkbox). */
async function openFromMenu(journey: Journey, menu: string, name: string) {
  const page = journey.page
  if (journey.browsing.screen === 'phone') await page.locator('label[for="nav-toggle"]').tap()
  await journey.submit(() => page.getByRole('navigation', { name: menu }).getByRole('link', { name, exact: true }).click())
}

async function h1(journey: Journey): Promise<string> {
  return (await journey.page.getByRole('heading', { level: 1 }).innerText()).replace(/\s+/g, ' ').trim()
}

async function referentOrdersNewName(t: Test, browsing: Browsing, portal: Portal): Promise<string> {
  const journey = await Journey.start(t, browsing, portal, `catalog-helene-orders-${browsing.label}`)
  const page = journey.page
  await signIn(journey, 'helene.fabre')
  await openFromMenu(journey, fr['app.main_menu'], fr['nav.catalog'])
  t.equal(pathOf(page), '/catalog', 'the main menu leads to the catalog')
  await journey.see('catalog', { lang: 'fr' })
  t.match(await h1(journey), `${fr['catalog.browse.title']} (${CONTRACT.name}, ${CONTRACT.code})`, 'her first contract by name is selected')
  const rows = page.locator('table.catalog-list tbody tr')
  const everything = await rows.count()
  t.ok(everything >= 8, `the Flexible Engine catalog lists its services (${everything})`)

  await page.getByRole('searchbox', { name: fr['catalog.browse.search'] }).fill('nom')
  await journey.submit(() => page.getByRole('button', { name: fr['catalog.browse.show'] }).click())
  await journey.see('catalog-searched', { lang: 'fr' })
  t.ok(await rows.filter({ hasText: SERVICE.fr }).isVisible(), 'the search "nom" finds the service')
  t.ok((await rows.count()) < everything, `and leaves out services without the word (${await rows.count()} shown)`)
  t.equal(await page.getByRole('searchbox', { name: fr['catalog.browse.search'] }).inputValue(), 'nom', 'the box keeps the search')

  await page.getByRole('searchbox', { name: fr['catalog.browse.search'] }).fill('')
  await page.getByLabel(fr['catalog.browse.category']).selectOption({ label: 'Administration du contrat' })
  await journey.submit(() => page.getByRole('button', { name: fr['catalog.browse.show'] }).click())
  await journey.see('catalog-category', { lang: 'fr' })
  const categories = await page.locator('table.catalog-list tbody td[data-label="Catégorie"]').allInnerTexts()
  t.ok(categories.length >= 2, `the category's services are listed (${categories.length})`)
  t.same([...new Set(categories.map((text) => text.trim()))], ['Administration du contrat'], 'and only them')
  t.match(await rows.filter({ hasText: SERVICE.fr }).innerText(), fr['catalog.browse.referent_only'], 'the service says it is for the referent')

  await journey.submit(() => page.getByRole('link', { name: new RegExp(`^${escaped(fr['catalog.browse.more'])}\\s*: ${escaped(SERVICE.fr)}$`) }).click())
  t.equal(pathOf(page), `/catalog/${SERVICE.code}?contract=${CONTRACT.code}`, '"More information" opens the service')
  await journey.see('service', { lang: 'fr' })
  const about = await page.locator('main').innerText()
  t.match(about, fr['catalog.service.referent_only'], 'who may order it')
  t.match(about, 'Gratuit', 'its price')
  t.match(about, 'Nouveau nom du contrat', 'what the form asks')

  await journey.submit(() => page.getByRole('link', { name: fr['catalog.service.order'], exact: true }).click())
  t.equal(pathOf(page), `/catalog/${SERVICE.code}/order?contract=${CONTRACT.code}`)
  await journey.see('order-form', { lang: 'fr' })
  t.match(await page.locator('main').innerText(), fr['catalog.order.final_note'], 'the page says the Order button is final')

  // First without the name: the form comes back with its message.
  const refused = await journey.submit(() => page.getByRole('button', { name: fr['catalog.order.submit'], exact: true }).click())
  t.equal(refused.status(), 422, 'an empty name is refused')
  await journey.see('order-form-refused', { lang: 'fr' })
  t.equal(await page.getByRole('alert').getByRole('link').first().getAttribute('href'), '#new_name', 'the error summary links to the field')

  await page.getByRole('textbox', { name: /^Nouveau nom du contrat/ }).fill(NEW_NAME)
  const placed = await journey.submit(() => page.getByRole('button', { name: fr['catalog.order.submit'], exact: true }).click())
  t.equal(await redirectStatus(placed), 303, 'Order places the order (post/redirect/get)')
  const number = /^\/requests\/(REQ-\d{6,})$/.exec(pathOf(page))?.[1]
  t.ok(number, `the order's page in Requests opens (${pathOf(page)})`)
  await journey.see('order-placed', { lang: 'fr' })
  t.match(await page.getByRole('status').first().innerText(), `Commande ${number} passée`)
  const details = await page.locator('main').innerText()
  t.match(details, fr['requests.status.transmitted'], 'the order is transmitted')
  t.match(details, new RegExp(`Nouveau nom du contrat\\s+${escaped(NEW_NAME)}`), 'the answer is shown with its label')

  await openFromMenu(journey, fr['app.main_menu'], fr['nav.requests'])
  await journey.see('requests-list', { lang: 'fr' })
  t.match(await page.locator('tr', { hasText: number! }).innerText(), fr['requests.status.transmitted'], 'the order is in her Requests list, transmitted')
  return number!
}

async function supportCompletesIt(t: Test, browsing: Browsing, portal: Portal, number: string) {
  const journey = await Journey.start(t, browsing, portal, `catalog-thomas-completes-${browsing.label}`)
  const page = journey.page
  await signInStaff(journey, portal, 'thomas.girard')
  await journey.open('/admin/requests')
  await page.getByLabel(en['admin.requests.filter.q']).fill(number)
  await journey.submit(() => page.getByRole('button', { name: en['filter.apply'] }).click())
  await journey.see('queue-searched', { lang: 'en' })
  await journey.submit(() => page.getByRole('link', { name: number, exact: true }).click())
  t.equal(pathOf(page), `/admin/requests/${number}`)
  await journey.see('order', { lang: 'en' })
  const main = await page.locator('main').innerText()
  t.match(main, `${en['completion.summary.label']}`, 'the page has the "On completion" line')
  t.match(main, `the contract is renamed “${NEW_NAME}”.`, 'saying what completing will do')

  await journey.submit(() => page.getByRole('button', { name: en['admin.requests.take.button'] }).click())
  await journey.see('taken', { lang: 'en' })
  for (const status of ['in_progress', 'completed'] as const) {
    await page.getByLabel(en[`requests.status.${status}`], { exact: true }).check()
    await journey.submit(() => page.getByRole('button', { name: en['admin.requests.status.button'] }).click())
    await journey.see(`status-${status}`, { lang: 'en' })
    t.match(await page.getByRole('status').first().innerText(), `${number} is now ${en[`requests.status.${status}`]}`)
  }
  t.match(await page.locator('main').innerText(), /Applied on/, 'the staff page says the effect was applied')
}

async function referentSeesNewName(t: Test, browsing: Browsing, portal: Portal) {
  const journey = await Journey.start(t, browsing, portal, `catalog-helene-renamed-${browsing.label}`)
  const page = journey.page
  await signIn(journey, 'helene.fabre')
  t.equal(pathOf(page), '/', 'Hélène is on her dashboard')
  await journey.see('dashboard', { lang: 'fr' })
  const entry = page.locator('.contract-item').filter({ hasText: CONTRACT.code })
  t.match(await entry.locator('.contract-item__name').innerText(), NEW_NAME, 'the dashboard shows the new name')
  await journey.open(`/contracts/${CONTRACT.code}`)
  await journey.see('contract', { lang: 'fr' })
  t.equal(await h1(journey), `${NEW_NAME} (${CONTRACT.code})`, "the contract's page is titled with its new name")
}

async function managerDoesNotSeeIt(t: Test, browsing: Browsing, portal: Portal) {
  const journey = await Journey.start(t, browsing, portal, `catalog-gabriel-refused-${browsing.label}`)
  const page = journey.page
  await signIn(journey, 'gabriel.roux')
  await journey.open(`/catalog?contract=${CONTRACT.code}`)
  await journey.see('catalog', { lang: 'en' })
  const listed = await page.locator('table.catalog-list tbody').innerText()
  t.notMatch(listed, SERVICE.en, 'a services manager who is not the referent does not see the service')
  t.match(listed, 'Cloud Alliance regions', 'but sees the others')
  const refused = await journey.open(`/catalog/${SERVICE.code}/order?contract=${CONTRACT.code}`)
  t.equal(refused.status(), 403, 'its order form at its address is refused')
  await journey.see('refused', { lang: 'en' })
  t.equal(await h1(journey), en['catalog.refused.heading'])
  t.match(await page.locator('main').innerText(), `Only the referent of ${NEW_NAME} (${CONTRACT.code}) may order “${SERVICE.en}”.`, 'and says why')
}

for (const browsing of [desktop, phone, desktopNoJs]) {
  t.test(`${browsing.label}: the referent finds, orders and gets a contract's new name completed by support; a non-referent manager is refused it`, async (t) => {
    const portal = await startPortal(t)
    const smtp = await startSmtpServer(t)
    let number = ''
    await t.test('the referent browses, searches, filters, reads More information and orders a new name', async (t) => {
      number = await referentOrdersNewName(t, browsing, portal)
    })
    if (!number) return
    const orders = await portal.db.selectFrom('orders').innerJoin('requests', 'requests.id', 'orders.request_id')
      .select(['requests.id', 'requests.type', 'requests.status', 'orders.effect', 'orders.effect_json']).execute()
    t.equal(orders.length, 1, 'one order is written')
    t.match(orders[0], { type: 'order', status: 'transmitted', effect: 'rename_contract' })
    t.same(JSON.parse(orders[0]!.effect_json!), { name: NEW_NAME }, 'with the new name as its effect')

    await t.test('the confirmation email recaps the order', async (t) => {
      await deliverOutbox(portal, smtp.url)
      const helene = await portal.db.selectFrom('users').select('email').where('login', '=', 'helene.fabre').executeTakeFirstOrThrow()
      const mail = smtp.received.find((message) => message.recipients.includes(helene.email) && message.subject.includes(number))
      t.ok(mail, `an email to ${helene.email} about ${number}`)
      t.equal(mail?.subject, `Votre commande ${number} : ${SERVICE.fr}`)
      t.match(mail?.text, NEW_NAME, 'with her answer')
      t.match(mail?.text, `${portal.url}/requests/${number}`, 'and the link to the order')
    })
    await t.test('support finds the order, reads what completing it does, takes it and completes it', (t) => supportCompletesIt(t, browsing, portal, number))
    const contract = await portal.db.selectFrom('contracts').select('name').where('code', '=', CONTRACT.code).executeTakeFirstOrThrow()
    t.equal(contract.name, NEW_NAME, 'the contract is renamed')
    await t.test('the referent sees the new name', (t) => referentSeesNewName(t, browsing, portal))
    await t.test('a services manager who is not the referent does not see the service and is refused its form', (t) => managerDoesNotSeeIt(t, browsing, portal))
  })
}
