// Issue 9's "Done when", in Chromium, each page through Journey.see: Hélène
// Fabre (French, referent of Rivage Core Banking, OCB0000301) goes Catalog →
// "Réservation d'instances…" → Commander, and reserves 4 standard
// s6.large.2 instances in eu-west-0 through the three steps (region,
// template and instances; a subscription; the summary with the monthly
// price), then DOUBLE-CLICKS the final Order button (without JavaScript:
// clicks twice, the second while the first answer is held back, as on a slow
// network): one order, one request, the order's page. The same form posted
// once more (its token replayed) answers with the first order. Thomas Girard
// (support) completes it; the contract's Subscriptions page shows the new
// subscription.
// Run on a desktop, on a phone (360 px) and on a desktop without JavaScript.
// Screenshots: test-results/screenshots/reservation-*/.
import t, { type Test } from 'tap'
import type { Locator, Page } from 'playwright-core'
import { en } from '../../src/i18n/en.js'
import { fr } from '../../src/i18n/fr.js'
import { Journey, launchBrowser, pathOf, startPortal, type Browsing, type Portal } from '../helpers/browser.js'
import { signIn, signInStaff } from '../helpers/journey-sign-in.js'

t.setTimeout(600_000)

const desktop = await launchBrowser(t, { screen: 'desktop', javaScript: true })
const desktopNoJs = await launchBrowser(t, { screen: 'desktop', javaScript: false, auditor: desktop })
const phone = await launchBrowser(t, { screen: 'phone', javaScript: true })

const CONTRACT = { code: 'OCB0000301', name: 'Rivage Core Banking' }
const SERVICE = { code: 'reserved-ecs-instances', fr: 'Réservation d’instances Elastic Cloud Server standard ou flexibles' }
const ORDER = `/catalog/${SERVICE.code}/order`
const CHOICE = { kind: 'reserved_ecs_standard', region: 'eu-west-0', flavour: 's6.large.2', quantity: 4 } as const

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** An amount as the French pages write it: "159,20 €" (Intl puts a narrow no-break space before €). */
const euros = (amount: string) => new RegExp(`${escaped(amount)}\\s€`)

async function h1(journey: Journey): Promise<string> {
  return (await journey.page.getByRole('heading', { level: 1 }).innerText()).replace(/\s+/g, ' ').trim()
}

async function countRows(portal: Portal) {
  const requests = await portal.db.selectFrom('requests').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  const orders = await portal.db.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return { requests: Number(requests.n), orders: Number(orders.n) }
}

/** The three steps, from the catalog to the summary; returns the summary's order token. */
async function throughTheSteps(t: Test, journey: Journey): Promise<string> {
  const page = journey.page
  await journey.open('/catalog')
  await journey.see('catalog', { lang: 'fr' })
  const row = page.locator('table.catalog-list tbody tr', { hasText: SERVICE.fr })
  t.match(await row.innerText(), /À partir de 29,90\s€ par instance et par mois/, 'the catalog shows the lowest subscription price')
  await journey.submit(() => row.getByRole('link', { name: new RegExp(`^${escaped(fr['catalog.browse.order'])}`) }).click())
  t.equal(pathOf(page), `${ORDER}?contract=${CONTRACT.code}`, 'Commander opens step 1')
  await journey.see('step-1', { lang: 'fr' })
  t.match(await page.locator('main').innerText(), 'Étape 1 sur 3')

  await page.getByRole('radio', { name: fr[`subscriptions.kind.${CHOICE.kind}`] }).check()
  await page.getByLabel(new RegExp(`^${fr['catalog.reservation.field.region']}`)).selectOption(CHOICE.region)
  await page.getByLabel(new RegExp(`^${fr['catalog.reservation.field.flavour']}`)).selectOption(CHOICE.flavour)
  await page.getByRole('textbox', { name: new RegExp(`^${escaped(fr['catalog.reservation.field.quantity'])}`) }).fill(String(CHOICE.quantity))
  await journey.submit(() => page.getByRole('button', { name: fr['catalog.reservation.next'] }).click())
  t.equal(pathOf(page), `${ORDER}/subscriptions?contract=${CONTRACT.code}`, 'step 1 leads to step 2')
  await journey.see('step-2', { lang: 'fr' })
  const subscriptions = page.getByRole('group', { name: new RegExp(`^${fr['catalog.reservation.subscriptions_legend']}`) })
  t.equal(await subscriptions.getByRole('radio').count(), 2, 'the two subscriptions of s6.large.2 in eu-west-0 are offered (12 and 36 months)')

  await subscriptions.getByRole('radio', { name: /^12 mois, paiement mensuel/ }).check()
  await journey.submit(() => page.getByRole('button', { name: fr['catalog.reservation.next'] }).click())
  t.equal(pathOf(page), `${ORDER}/summary?contract=${CONTRACT.code}`, 'step 2 leads to the summary')
  await journey.see('step-3-summary', { lang: 'fr' })
  const summary = await page.locator('main').innerText()
  t.match(summary, 'Étape 3 sur 3')
  t.match(summary, new RegExp(`${fr['catalog.reservation.monthly_total']}\\s+${euros('159,20').source}`), 'the monthly price: 4 × 39,80 €')
  t.match(summary, new RegExp(`${fr['catalog.reservation.field.payment']}\\s+Mensuel`), 'the payment method')
  t.match(summary, /1\s910,40\s€/, 'the total over the 12 months')
  t.match(summary, 'ne garantit pas la disponibilité de la ressource', 'the conditions')
  t.match(summary, fr['catalog.order.final_note'], 'and that Order is final')
  return (await page.locator('input[name="order_token"]').getAttribute('value')) ?? ''
}

async function referentReserves(t: Test, browsing: Browsing, portal: Portal): Promise<string> {
  const journey = await Journey.start(t, browsing, portal, `reservation-helene-orders-${browsing.label}`)
  const page = journey.page
  await signIn(journey, 'helene.fabre')
  const token = await throughTheSteps(t, journey)
  t.ok(token, 'the summary carries an order token')
  const before = await countRows(portal)

  const posts = await holdFirstOrderAnswer(page)
  const button = page.getByRole('button', { name: fr['catalog.order.submit'], exact: true })
  await journey.submit(() => twoQuickClicks(browsing, button, posts))
  // The tab shows the answer to the last POST it sent: wait for that page itself.
  await page.waitForURL(/\/requests\/REQ-\d+$/)
  await page.waitForLoadState('load')
  await page.unroute(isOrderPost)
  const number = /^\/requests\/(REQ-\d{6,})$/.exec(pathOf(page))?.[1]
  t.ok(number, `the order's page opens (${pathOf(page)})`)
  t.comment(`${browsing.javaScript ? 'a double click' : 'two clicks'} on Order: Chromium sent ${posts.length} POST(s) (${browsing.label})`)
  t.ok(posts.length >= 1, 'the form was sent')
  await journey.see('order-placed', { lang: 'fr' })
  t.match(await page.getByRole('status').first().innerText(), new RegExp(`(Commande ${number} passée|La commande ${number} était déjà passée)`), 'the page tells of the order')
  const details = await page.locator('main').innerText()
  t.match(details, fr['requests.status.transmitted'], 'transmitted')
  t.match(details, CHOICE.flavour, 'the answers name the template')
  t.match(details, euros('159,20'), 'and the monthly price')

  const after = await countRows(portal)
  t.same(after, { requests: before.requests + 1, orders: before.orders + 1 }, 'exactly one new request and one new order')
  const byToken = await portal.db.selectFrom('orders').select('request_id').where('order_token', '=', token).execute()
  t.equal(byToken.length, 1, 'one order carries the token')
  t.equal(`REQ-${String(byToken[0]?.request_id).padStart(6, '0')}`, number, 'the page shown is that order')

  await replayedFormShowsFirstOrder(t, journey, token, number!)
  return number!
}

/** Chromium sends a double click's form once, and ignores a second click
 * while the first answer is on its way: the token is proved by posting the
 * form once more, as a "resend" or a second tab would: same session, same
 * fields, same token. */
async function replayedFormShowsFirstOrder(t: Test, journey: Journey, token: string, number: string) {
  const { portal, page } = journey
  const before = await countRows(portal)
  const replay = await journey.browsing.context.request.post(portal.url + ORDER, {
    form: { _csrf: await csrfOf(journey), contract: CONTRACT.code, order_token: token, offer: String(await offerId(portal)), quantity: String(CHOICE.quantity) },
    maxRedirects: 0,
  })
  t.equal(replay.status(), 303, 'posting the form again is answered with a redirect')
  t.equal(replay.headers().location, `/requests/${number}`, 'to the first order')
  t.same(await countRows(portal), before, 'and writes nothing')
  await journey.open(`/requests/${number}`)
  await journey.see('order-replayed', { lang: 'fr' })
  t.match(await page.getByRole('status').first().innerText(), `La commande ${number} était déjà passée`, 'the page says no second order was made')
}

const isOrderPost = (url: URL) => url.pathname === ORDER

/** A slow network: the server gets the first Order POST at once, but its
 * answer reaches the tab a second and a half later, so that a second click
 * finds the button still there. Returns the Order POSTs the tab sends. */
async function holdFirstOrderAnswer(page: Page): Promise<string[]> {
  const posts: string[] = []
  await page.route(isOrderPost, async (route) => {
    if (route.request().method() !== 'POST') return route.continue()
    posts.push(route.request().url())
    const answer = await route.fetch({ maxRedirects: 0 })
    if (posts.length === 1) await new Promise((resolve) => setTimeout(resolve, 1_500))
    // The tab may have dropped this navigation for the next one.
    await route.fulfill({ response: answer }).catch(() => undefined)
  })
  return posts
}

/** With JavaScript, a double click; without, two clicks, the second while
 * the first POST is under way (as an impatient person would). */
async function twoQuickClicks(browsing: Browsing, button: Locator, posts: string[]) {
  if (browsing.javaScript) return button.dblclick()
  const box = await button.boundingBox()
  await button.click()
  await expectSoon(() => posts.length === 1)
  // The mouse itself, at the same place: a locator would wait for the pending page.
  await button.page().mouse.click(box!.x + box!.width / 2, box!.y + box!.height / 2)
}

async function expectSoon(condition: () => boolean) {
  for (let waited = 0; !condition(); waited += 20) {
    if (waited > 5_000) throw new Error('the first POST never left')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

async function csrfOf(journey: Journey): Promise<string> {
  return (await journey.page.locator('input[name="_csrf"]').first().getAttribute('value')) ?? ''
}

async function offerId(portal: Portal): Promise<number> {
  const offer = await portal.db.selectFrom('subscription_offers').select('id').where('kind', '=', CHOICE.kind).where('region_code', '=', CHOICE.region)
    .where('flavour', '=', CHOICE.flavour).where('commitment_months', '=', 12).executeTakeFirstOrThrow()
  return offer.id
}

async function supportCompletesIt(t: Test, browsing: Browsing, portal: Portal, number: string) {
  const journey = await Journey.start(t, browsing, portal, `reservation-thomas-completes-${browsing.label}`)
  const page = journey.page
  await signInStaff(journey, portal, 'thomas.girard')
  await journey.open(`/admin/requests?q=${number}`)
  await journey.submit(() => page.getByRole('link', { name: number, exact: true }).click())
  await journey.see('order', { lang: 'en' })
  t.match(await page.locator('main').innerText(), `${CHOICE.quantity} × ${CHOICE.flavour} in ${CHOICE.region}, 12 months, is added to the contract’s subscriptions`, 'the On completion line says what completing does')
  await journey.submit(() => page.getByRole('button', { name: en['admin.requests.take.button'] }).click())
  for (const status of ['in_progress', 'completed'] as const) {
    await page.getByLabel(en[`requests.status.${status}`], { exact: true }).check()
    await journey.submit(() => page.getByRole('button', { name: en['admin.requests.status.button'] }).click())
    t.match(await page.getByRole('status').first().innerText(), `${number} is now ${en[`requests.status.${status}`]}`)
  }
  await journey.see('completed', { lang: 'en' })
}

async function referentSeesSubscription(t: Test, browsing: Browsing, portal: Portal) {
  const journey = await Journey.start(t, browsing, portal, `reservation-helene-subscriptions-${browsing.label}`)
  const page = journey.page
  await signIn(journey, 'helene.fabre')
  await journey.open(`/contracts/${CONTRACT.code}`)
  await journey.submit(() => page.getByRole('link', { name: fr['contract_page.subscriptions_link'] }).click())
  t.equal(pathOf(page), `/contracts/${CONTRACT.code}/subscriptions`, "the contract's page leads to its subscriptions")
  await journey.see('subscriptions', { lang: 'fr' })
  t.equal(await h1(journey), `${fr['section.subscriptions']} ${CONTRACT.name} (${CONTRACT.code})`)
  const rows = page.locator('table.subscriptions tbody tr')
  t.equal(await rows.count(), 4, 'three demo subscriptions and the new one')
  const added = rows.filter({ hasText: CHOICE.flavour })
  t.match(await added.innerText(), new RegExp(`Instances ECS réservées \\(standard\\)[\\s\\S]*Actif[\\s\\S]*${CHOICE.region}[\\s\\S]*\\b4\\b[\\s\\S]*12 mois[\\s\\S]*${euros('39,80').source}[\\s\\S]*${euros('159,20').source}[\\s\\S]*Mensuel`),
    'the new subscription: 4 standard s6.large.2 in eu-west-0, 12 months at 39,80 € each, 159,20 € a month, paid monthly')
}

for (const browsing of [desktop, phone, desktopNoJs]) {
  t.test(`${browsing.label}: reserved instances through the three steps, a double-clicked Order and a replayed POST make one order, completed by support it appears in Subscriptions`, async (t) => {
    const portal = await startPortal(t)
    let number = ''
    await t.test('the referent reserves 4 instances and double-clicks Order', async (t) => { number = await referentReserves(t, browsing, portal) })
    if (!number) return
    await t.test('support completes the order', (t) => supportCompletesIt(t, browsing, portal, number))
    const offer = await portal.db.selectFrom('subscription_offers').select('available_quantity').where('id', '=', await offerId(portal)).executeTakeFirstOrThrow()
    t.equal(offer.available_quantity, 200 - CHOICE.quantity, 'the instances are taken from the offer once')
    await t.test('the new subscription is on the contract', (t) => referentSeesSubscription(t, browsing, portal))
  })
}
