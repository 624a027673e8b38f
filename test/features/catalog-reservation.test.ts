// Reserving instances or workspaces (issue 9 §3): region, template and
// instances; an available subscription; the summary and the final Order,
// re-checked from the database whatever the hidden fields say.
import t, { type Test } from 'tap'
import { buildTestApp, freshDatabase } from '../helpers/app.js'
import { loginAs, seedPersonas } from '../helpers/personas.js'
import type { Client } from '../helpers/client.js'

type App = Awaited<ReturnType<typeof setup>>

async function setup(t: Test) {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  return buildTestApp(t, { db, config: { loginRateLimitPerIp: 10_000 } })
}

const FE = 'OCB0000301' // Flexible Engine: gabriel.roux services manager
const ECS = '/catalog/reserved-ecs-instances/order'
const CHOICE = { contract: FE, kind: 'reserved_ecs_standard', region: 'eu-west-0', flavour: 's6.large.2', quantity: '4' }

const orders = (app: App) => app.db.selectFrom('orders').selectAll().orderBy('request_id').execute()
const tokenOn = (client: Client) => /name="order_token" value="([^"]+)"/.exec(client.lastHtml)?.[1] ?? ''
const offerId = async (app: App, kind: string, region: string, flavour: string, months: number) =>
  (await app.db.selectFrom('subscription_offers').select('id').where('kind', '=', kind as 'workspace').where('region_code', '=', region)
    .where('flavour', '=', flavour).where('commitment_months', '=', months).executeTakeFirstOrThrow()).id

/** Steps 1 and 2 done: the summary is the client's last page. */
async function toSummary(app: App, client: Client, choice: Record<string, string> = CHOICE, months = 12) {
  await client.get(`${ECS}?contract=${FE}`)
  const chosen = await client.post(`${ECS}/choose`, choice)
  const offer = await offerId(app, choice.kind!, choice.region!, choice.flavour!, months)
  await client.get(chosen.headers.location as string)
  const picked = await client.post(`${ECS}/subscriptions`, { contract: FE, offer: String(offer) })
  const summary = await client.get(picked.headers.location as string)
  return { chosen, picked, summary, offer }
}

t.test('step 1 offers the kinds, the regions and templates of active offers and the number of instances', async (t) => {
  const app = await setup(t)
  const gabriel = await loginAs(app, 'gabriel.roux')
  const page = await gabriel.get(`${ECS}?contract=${FE}`)
  t.equal(page.statusCode, 200)
  t.match(page.body, 'Step 1 of 3')
  t.match(page.body, 'value="reserved_ecs_flexible"')
  t.match(page.body, '<option value="na-east-0">na-east-0</option>')
  t.match(page.body, '<option value="m6.2xlarge.8">m6.2xlarge.8</option>')
  t.notMatch(page.body, 'Workspace Office', 'workspace templates belong to the other service')
  t.match(page.body, 'id="quantity"')
})

t.test('the three steps then Order make one subscription order: effect input { offerId, quantity }, price = unit × quantity per month', async (t) => {
  const app = await setup(t)
  const gabriel = await loginAs(app, 'gabriel.roux')
  const { chosen, picked, summary, offer } = await toSummary(app, gabriel)
  t.equal(chosen.statusCode, 303)
  t.equal(chosen.headers.location, `${ECS}/subscriptions?contract=${FE}`)
  t.equal(picked.statusCode, 303)
  t.equal(summary.statusCode, 200)
  t.match(summary.body, 'Step 3 of 3')
  t.match(summary.body, 'a pricing option and does not guarantee resource availability')
  t.match(summary.body, '€159.20', 'monthly price: 4 × €39.80')
  t.match(summary.body, '€1,910.40', 'over the 12-month commitment')
  const post = await gabriel.post(ECS, { contract: FE, order_token: tokenOn(gabriel), offer: String(offer), quantity: '4' })
  t.equal(post.statusCode, 303)
  const [row] = await orders(app)
  t.match(row, { effect: 'subscription', quantity: 4, unit_price_cents: 3_980, total_cents: 15_920, price_period: 'monthly' })
  t.same(JSON.parse(row!.effect_json), { offerId: offer, quantity: 4 })
  const req = await app.db.selectFrom('requests').select(['type', 'status', 'fields_json']).where('id', '=', row!.request_id).executeTakeFirstOrThrow()
  t.match(req, { type: 'order', status: 'transmitted' })
  const answers = JSON.parse(req.fields_json!) as Array<{ name: string; value: string; label: { en: string; fr: string } }>
  t.same(answers.map((answer) => answer.name), ['kind', 'region', 'flavour', 'quantity', 'commitment', 'payment_method', 'monthly_price'])
  t.equal(answers.find((answer) => answer.name === 'region')?.label.fr, 'Région')
  const mail = await app.db.selectFrom('outbox').select('text_body').where('template', '=', 'order_confirmation').executeTakeFirstOrThrow()
  t.match(mail.text_body, 's6.large.2')
  t.match(mail.text_body, '12 months')
})

t.test('step 2 shows a subscription with fewer instances left than asked as unavailable, and refuses it (422)', async (t) => {
  const app = await setup(t)
  const gabriel = await loginAs(app, 'gabriel.roux')
  await gabriel.get(`${ECS}?contract=${FE}`)
  await gabriel.post(`${ECS}/choose`, { ...CHOICE, kind: 'reserved_ecs_flexible', region: 'eu-west-1', flavour: 'm6.2xlarge.8', quantity: '20' })
  const page = await gabriel.get(`${ECS}/subscriptions?contract=${FE}`)
  t.match(page.body, /type="radio" name="offer" value="\d+" disabled/)
  t.match(page.body, 'Not available: 12 instances left, fewer than the 20 you asked for.')
  const short = await offerId(app, 'reserved_ecs_flexible', 'eu-west-1', 'm6.2xlarge.8', 12)
  const post = await gabriel.post(`${ECS}/subscriptions`, { contract: FE, offer: String(short) })
  t.equal(post.statusCode, 422)
  t.match(post.body, 'fewer instances left than you asked for')
})

t.test('step 1 refuses a missing region, an unknown template and 0 instances (422, values kept)', async (t) => {
  const app = await setup(t)
  const gabriel = await loginAs(app, 'gabriel.roux')
  await gabriel.get(`${ECS}?contract=${FE}`)
  const post = await gabriel.post(`${ECS}/choose`, { ...CHOICE, region: '', flavour: 'x9.huge', quantity: '0' })
  t.equal(post.statusCode, 422)
  t.match(post.body, 'Choose one of the regions in the list')
  t.match(post.body, 'Choose one of the templates in the list')
  t.match(post.body, 'Reserve at least 1 instance')
  t.match(post.body, 'id="quantity" name="quantity" type="text" value="0"')
})

t.test('a template no offer sells in the region is refused on step 1', async (t) => {
  const app = await setup(t)
  const gabriel = await loginAs(app, 'gabriel.roux')
  await gabriel.get(`${ECS}?contract=${FE}`)
  const post = await gabriel.post(`${ECS}/choose`, { ...CHOICE, region: 'na-east-0', flavour: 'c6.2xlarge.2' })
  t.equal(post.statusCode, 422)
  t.match(post.body, 'No subscription offers this template in this region')
})

t.test('the final Order refuses 0, a negative number or more instances than available (422) and writes nothing', async (t) => {
  const app = await setup(t)
  const gabriel = await loginAs(app, 'gabriel.roux')
  const { offer } = await toSummary(app, gabriel)
  const token = tokenOn(gabriel)
  for (const quantity of ['0', '-1', '201', '2.5', '']) {
    const post = await gabriel.post(ECS, { contract: FE, order_token: token, offer: String(offer), quantity })
    t.equal(post.statusCode, 422, quantity)
    t.match(post.body, 'id="quantity-error"')
  }
  t.same(await orders(app), [])
})

t.test('a tampered subscription id (another kind, inactive, unknown) is refused with 422 and writes nothing', async (t) => {
  const app = await setup(t)
  const gabriel = await loginAs(app, 'gabriel.roux')
  const { offer } = await toSummary(app, gabriel)
  const token = tokenOn(gabriel)
  const workspace = await offerId(app, 'workspace', 'eu-west-0', 'Workspace Office 2 vCPU 4 GB', 12)
  await app.db.updateTable('subscription_offers').set({ active: 0 }).where('id', '=', offer).execute()
  for (const tampered of [workspace, offer, 99_999]) {
    const post = await gabriel.post(ECS, { contract: FE, order_token: token, offer: String(tampered), quantity: '4' })
    t.equal(post.statusCode, 422, String(tampered))
    t.match(post.body, 'This subscription is no longer offered')
  }
  t.same(await orders(app), [])
})

t.test('a tampered price field is ignored: the price comes from the subscription', async (t) => {
  const app = await setup(t)
  const gabriel = await loginAs(app, 'gabriel.roux')
  const { offer } = await toSummary(app, gabriel)
  await gabriel.post(ECS, { contract: FE, order_token: tokenOn(gabriel), offer: String(offer), quantity: '4', monthly_price_cents: '1', price: '0', total_cents: '0' })
  const [row] = await orders(app)
  t.match(row, { unit_price_cents: 3_980, total_cents: 15_920 })
})

t.test('without the steps’ state (another browser), steps 2 and 3 send back to step 1 with a message', async (t) => {
  const app = await setup(t)
  const gabriel = await loginAs(app, 'gabriel.roux')
  for (const step of ['subscriptions', 'summary']) {
    const page = await gabriel.get(`${ECS}/${step}?contract=${FE}`)
    t.equal(page.statusCode, 303)
    t.equal(page.headers.location, `${ECS}?contract=${FE}`)
  }
  t.match((await gabriel.get(`${ECS}?contract=${FE}`)).body, 'Your reservation choices were lost')
  t.equal((await gabriel.post(`${ECS}/subscriptions`, { contract: FE, offer: '1' })).statusCode, 303)
})

t.test('the final Order works from its hidden fields alone, and the same token twice makes one order', async (t) => {
  const app = await setup(t)
  const gabriel = await loginAs(app, 'gabriel.roux')
  const { offer } = await toSummary(app, gabriel)
  const fields = { contract: FE, order_token: tokenOn(gabriel), offer: String(offer), quantity: '4' }
  const other = await loginAs(app, 'gabriel.roux')
  await other.get(`${ECS}?contract=${FE}`)
  const first = await other.post(ECS, { ...fields, _csrf: other.csrfToken() })
  const second = await gabriel.post(ECS, fields)
  t.equal(first.statusCode, 303)
  t.equal(second.headers.location, first.headers.location)
  t.equal((await orders(app)).length, 1)
})

t.test('a workspace reservation has no kind to choose and orders the workspace subscription', async (t) => {
  const app = await setup(t)
  const gabriel = await loginAs(app, 'gabriel.roux')
  const path = '/catalog/workspace-reservation/order'
  const page = await gabriel.get(`${path}?contract=${FE}`)
  t.notMatch(page.body, 'name="kind"')
  const chosen = await gabriel.post(`${path}/choose`, { contract: FE, region: 'eu-west-0', flavour: 'Workspace Developer 4 vCPU 8 GB', quantity: '10' })
  t.equal(chosen.statusCode, 303)
  const offer = await offerId(app, 'workspace', 'eu-west-0', 'Workspace Developer 4 vCPU 8 GB', 36)
  await gabriel.get(`${path}/subscriptions?contract=${FE}`)
  await gabriel.post(`${path}/subscriptions`, { contract: FE, offer: String(offer) })
  const summary = await gabriel.get(`${path}/summary?contract=${FE}`)
  t.match(summary.body, 'Upfront')
  const post = await gabriel.post(path, { contract: FE, order_token: tokenOn(gabriel), offer: String(offer), quantity: '10' })
  t.equal(post.statusCode, 303)
  const [row] = await orders(app)
  t.match(row, { quantity: 10, total_cents: 47_900 })
})

t.test('a services visitor can’t reach the steps (403), and a service without steps has none (404)', async (t) => {
  const app = await setup(t)
  const julien = await loginAs(app, 'julien.blanc')
  t.equal((await julien.get(`${ECS}?contract=${FE}`)).statusCode, 403)
  const gabriel = await loginAs(app, 'gabriel.roux')
  t.equal((await gabriel.get(`/catalog/cloud-alliance-regions/order/subscriptions?contract=${FE}`)).statusCode, 404)
})

t.test('instances altered in the final Order’s hidden fields make it out of date: 422, the summary again with a fresh token, nothing written', async (t) => {
  const app = await setup(t)
  const gabriel = await loginAs(app, 'gabriel.roux')
  const { offer } = await toSummary(app, gabriel)
  const token = tokenOn(gabriel)
  const post = await gabriel.post(ECS, { contract: FE, order_token: token, offer: String(offer), quantity: '5' })
  t.equal(post.statusCode, 422)
  t.match(post.body, 'This form is out of date or was altered: check the order — its price may have changed — and order again')
  t.match(post.body, 'Step 3 of 3')
  t.not(tokenOn(gabriel), token)
  t.same(await orders(app), [])
})

t.test('a subscription altered for another one of the same service makes the final Order out of date (422), nothing written', async (t) => {
  const app = await setup(t)
  const gabriel = await loginAs(app, 'gabriel.roux')
  const { offer } = await toSummary(app, gabriel)
  const other = await offerId(app, 'reserved_ecs_standard', 'eu-west-0', 's6.large.2', 36)
  t.not(other, offer)
  const post = await gabriel.post(ECS, { contract: FE, order_token: tokenOn(gabriel), offer: String(other), quantity: '4' })
  t.equal(post.statusCode, 422)
  t.match(post.body, 'This form is out of date or was altered')
  t.same(await orders(app), [])
})

t.test('a monthly price staff changed after the summary was shown makes the final Order out of date (422), nothing written', async (t) => {
  const app = await setup(t)
  const gabriel = await loginAs(app, 'gabriel.roux')
  const { offer } = await toSummary(app, gabriel)
  const token = tokenOn(gabriel)
  await app.db.updateTable('subscription_offers').set({ monthly_price_cents: 4_100 }).where('id', '=', offer).execute()
  const post = await gabriel.post(ECS, { contract: FE, order_token: token, offer: String(offer), quantity: '4' })
  t.equal(post.statusCode, 422)
  t.match(post.body, '€164.00', 'the summary at the new price: 4 × €41.00')
  t.same(await orders(app), [])
})

t.test('the confirmation of a reservation gives its price per month and the instances once', async (t) => {
  const app = await setup(t)
  const gabriel = await loginAs(app, 'gabriel.roux')
  const { offer } = await toSummary(app, gabriel)
  t.equal((await gabriel.post(ECS, { contract: FE, order_token: tokenOn(gabriel), offer: String(offer), quantity: '4' })).statusCode, 303)
  const mail = await app.db.selectFrom('outbox').select('text_body').where('template', '=', 'order_confirmation').executeTakeFirstOrThrow()
  t.match(mail.text_body, '€159.20 per month')
  t.equal(mail.text_body.split('Quantity').length - 1, 0, 'no extra quantity row')
  t.match(mail.text_body, 'Number of instances')
})
