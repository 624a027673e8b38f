// Ordering a service from the catalog (issue 9 §2, §5, "Bad input"): the form
// built from the service's fields, one final Order button, one order per
// token, everything recomputed from the catalog, nothing written on refusal.
import t, { type Test } from 'tap'
import { buildTestApp, freshDatabase } from '../helpers/app.js'
import { loginAs, seedPersonas } from '../helpers/personas.js'
import type { Client } from '../helpers/client.js'
import { fixedPriceFingerprint, issueOrderToken } from '../../src/features/catalog/order-token.js'

type App = Awaited<ReturnType<typeof setup>>

async function setup(t: Test) {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  return buildTestApp(t, { db, config: { loginRateLimitPerIp: 10_000 } })
}

const FE = 'OCB0000301' // Flexible Engine: helene.fabre referent, gabriel.roux services manager, julien.blanc visitor
const GOLD = 'OCB0000302' // Cloud Avenue Gold: helene.fabre referent
const SILVER = 'OCB0000201' // Cloud Avenue Silver: farid.haddad services manager
const ALLIANCE = { regions: 'asia_pacific', contact_name: 'Gabriel Roux', contact_email: 'gabriel@rivage.example', contact_phone: '+33 6 11 22 33 44' }
const PACKS = { packs: '2', subject: 'Migration review', contact_name: 'Hélène Fabre', contact_email: 'helene@rivage.example', contact_phone: '+33 6 40 50 60 70' }

const orders = (app: App) => app.db.selectFrom('orders').selectAll().orderBy('request_id').execute()
const tokenOn = (client: Client) => /name="order_token" value="([^"]+)"/.exec(client.lastHtml)?.[1] ?? ''

/** Opens the order form, then posts it with its own token (and CSRF). */
async function order(client: Client, service: string, contract: string, fields: Record<string, string | string[]>) {
  const form = await client.get(`/catalog/${service}/order?contract=${contract}`)
  const token = tokenOn(client)
  const post = await client.post(`/catalog/${service}/order`, { contract, order_token: token, ...fields })
  return { form, post, token }
}

async function ids(app: App, login: string, contract: string, service: string) {
  const user = await app.db.selectFrom('users').select('id').where('login', '=', login).executeTakeFirstOrThrow()
  const c = await app.db.selectFrom('contracts').select('id').where('code', '=', contract).executeTakeFirstOrThrow()
  const row = await app.db.selectFrom('catalog_services').select(['pricing', 'price_cents', 'price_period']).where('code', '=', service).executeTakeFirst()
  return { userId: user.id, contractId: c.id, serviceCode: service, price: row ? fixedPriceFingerprint(row) : 'none' }
}

t.test('the order form shows the service’s fields with mandatory ones marked, the price, then one final Order button', async (t) => {
  const app = await setup(t)
  const gabriel = await loginAs(app, 'gabriel.roux')
  const page = await gabriel.get(`/catalog/cloud-alliance-regions/order?contract=${FE}`)
  t.equal(page.statusCode, 200)
  t.match(page.body, '<h1>Order: Cloud Alliance regions</h1>')
  t.match(page.body, 'Fields marked * are mandatory.')
  t.match(page.body, /for="contact_email">Contact email <span class="field__required" aria-hidden="true">\*<\/span>/)
  t.match(page.body, 'Free')
  t.match(page.body, 'there is no additional step')
  t.equal(page.body.match(/type="submit">Order</g)?.length, 1, 'one Order button')
  t.ok(page.body.indexOf('order-price') < page.body.indexOf('id="order-submit"'), 'the price comes before the button')
  t.same(await orders(app), [], 'showing the form writes nothing')
})

t.test('a fixed price shows its estimate (unit × the quantity field, per period, excluding VAT); a quote says an advisor calls', async (t) => {
  const app = await setup(t)
  const helene = await loginAs(app, 'helene.fabre')
  const packs = await helene.get(`/catalog/expertise-pack/order?contract=${GOLD}`)
  t.match(packs.body, 'Estimation du coût : 600,00\u00a0€ en une fois, hors TVA')
  t.match(packs.body, 'id="packs" name="packs" type="text" value="1"')
  t.match(packs.body, 'data-quantity-field="packs" data-quantity-max="10"', 'the live estimate knows the field’s bound (the server refuses more)')
  const backup = await helene.get(`/catalog/file-applicative-backup/order?contract=${FE}`)
  t.match(backup.body, '90,00\u00a0€ par mois, hors TVA')
  const dec = await helene.get(`/catalog/dedicated-cloud/order?contract=${FE}`)
  t.match(dec.body, 'Sur devis : un conseiller vous contactera')
})

t.test('a manager orders Cloud Alliance: a transmitted order request with the answers, the orders row, audit, notification and an English email', async (t) => {
  const app = await setup(t)
  const gabriel = await loginAs(app, 'gabriel.roux')
  const { post, token } = await order(gabriel, 'cloud-alliance-regions', FE, ALLIANCE)
  t.equal(post.statusCode, 303)
  const [row] = await orders(app)
  t.ok(row)
  t.equal(post.headers.location, `/requests/REQ-${String(row!.request_id).padStart(6, '0')}`)
  t.equal(row!.order_token, token)
  t.equal(row!.effect, 'none')
  t.equal(row!.total_cents, null)
  const req = await app.db.selectFrom('requests').selectAll().where('id', '=', row!.request_id).executeTakeFirstOrThrow()
  t.match(req, { type: 'order', status: 'transmitted', section: 'orders', item_code: 'cloud-alliance-regions' })
  t.match(JSON.parse(req.fields_json!), [{ name: 'regions', value: 'asia_pacific', display: { en: 'Asia Pacific' } }, { name: 'contact_name', value: 'Gabriel Roux' }, {}, {}])
  const audit = await app.db.selectFrom('audit_log').selectAll().where('action', '=', 'order.placed').execute()
  t.equal(audit.length, 1)
  t.ok(await app.db.selectFrom('notifications').select('id').where('kind', '=', 'order_placed').executeTakeFirst())
  const mail = await app.db.selectFrom('outbox').selectAll().where('template', '=', 'order_confirmation').executeTakeFirstOrThrow()
  t.equal(mail.locale, 'en')
  t.match(mail.text_body, 'Asia Pacific')
  t.match(mail.text_body, 'Free')
  const shown = await gabriel.get(post.headers.location as string)
  t.match(shown.body, 'placed; a confirmation email is on its way')
  t.match(shown.body, 'Gabriel Roux')
})

t.test('the confirmation of a French orderer is in French and recaps the recomputed price', async (t) => {
  const app = await setup(t)
  const helene = await loginAs(app, 'helene.fabre')
  const { post } = await order(helene, 'expertise-pack', GOLD, PACKS)
  t.equal(post.statusCode, 303)
  const mail = await app.db.selectFrom('outbox').selectAll().where('template', '=', 'order_confirmation').executeTakeFirstOrThrow()
  t.equal(mail.locale, 'fr')
  t.match(mail.text_body, '1\u202f200,00\u00a0€')
  t.match(mail.text_body, 'Migration review')
})

t.test('a posted price or total is ignored: the total is recomputed from the catalog (2 packs = 1,200 €)', async (t) => {
  const app = await setup(t)
  const farid = await loginAs(app, 'farid.haddad')
  const { post } = await order(farid, 'expertise-pack', SILVER, { ...PACKS, price: '0', total: '0', total_cents: '1', unit_price_cents: '1' })
  t.equal(post.statusCode, 303)
  const [row] = await orders(app)
  t.match(row, { quantity: 2, unit_price_cents: 60_000, total_cents: 120_000, price_period: 'one_time' })
})

t.test('the same token posted twice makes one order; the second answer shows the first order', async (t) => {
  const app = await setup(t)
  const gabriel = await loginAs(app, 'gabriel.roux')
  const { post, token } = await order(gabriel, 'cloud-alliance-regions', FE, ALLIANCE)
  const again = await gabriel.post('/catalog/cloud-alliance-regions/order', { contract: FE, order_token: token, ...ALLIANCE })
  t.equal(again.statusCode, 303)
  t.equal(again.headers.location, post.headers.location)
  t.equal((await orders(app)).length, 1)
  t.equal((await app.db.selectFrom('outbox').select('id').where('template', '=', 'order_confirmation').execute()).length, 1)
  t.match((await gabriel.get(again.headers.location as string)).body, 'was already placed')
})

t.test('two concurrent POSTs of one token make one order and answer with the same one', async (t) => {
  const app = await setup(t)
  const gabriel = await loginAs(app, 'gabriel.roux')
  await gabriel.get(`/catalog/cloud-alliance-regions/order?contract=${FE}`)
  const fields = { contract: FE, order_token: tokenOn(gabriel), ...ALLIANCE }
  const [a, b] = await Promise.all([gabriel.post('/catalog/cloud-alliance-regions/order', fields), gabriel.post('/catalog/cloud-alliance-regions/order', fields)])
  t.equal(a.statusCode, 303)
  t.equal(b.statusCode, 303)
  t.equal(a.headers.location, b.headers.location)
  t.equal((await orders(app)).length, 1)
  t.equal((await app.db.selectFrom('audit_log').select('id').where('action', '=', 'order.placed').execute()).length, 1)
})

t.test('a forged token is refused with 422, the form and a fresh token, and nothing is written', async (t) => {
  const app = await setup(t)
  const gabriel = await loginAs(app, 'gabriel.roux')
  const { token } = await order(gabriel, 'cloud-alliance-regions', FE, {})
  await gabriel.get(`/catalog/cloud-alliance-regions/order?contract=${FE}`)
  const forged = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A')
  const post = await gabriel.post('/catalog/cloud-alliance-regions/order', { contract: FE, order_token: forged, ...ALLIANCE })
  t.equal(post.statusCode, 422)
  t.match(post.body, 'This form is out of date or was altered: check the order — its price may have changed — and order again')
  t.not(tokenOn(gabriel), forged)
  t.match(post.body, 'value="Gabriel Roux"', 'what was typed is kept')
  t.same(await orders(app), [])
  t.same(await app.db.selectFrom('outbox').select('id').where('template', '=', 'order_confirmation').execute(), [])
})

t.test('an expired token (issued 25 hours ago) is refused with 422: check and order again', async (t) => {
  const app = await setup(t)
  const gabriel = await loginAs(app, 'gabriel.roux')
  await gabriel.get(`/catalog/cloud-alliance-regions/order?contract=${FE}`)
  const old = issueOrderToken(app.config.sessionSecret, await ids(app, 'gabriel.roux', FE, 'cloud-alliance-regions'), new Date(Date.now() - 25 * 3_600_000))
  const post = await gabriel.post('/catalog/cloud-alliance-regions/order', { contract: FE, order_token: old, ...ALLIANCE })
  t.equal(post.statusCode, 422)
  t.match(post.body, 'The form expired: check it and order again')
  t.same(await orders(app), [])
})

t.test('a missing token is refused with 422 and a fresh one', async (t) => {
  const app = await setup(t)
  const gabriel = await loginAs(app, 'gabriel.roux')
  await gabriel.get(`/catalog/cloud-alliance-regions/order?contract=${FE}`)
  const post = await gabriel.post('/catalog/cloud-alliance-regions/order', { contract: FE, ...ALLIANCE })
  t.equal(post.statusCode, 422)
  t.match(post.body, 'name="order_token" value="')
  t.same(await orders(app), [])
})

t.test('a token issued for another service, contract or user is refused as forged', async (t) => {
  const app = await setup(t)
  const gabriel = await loginAs(app, 'gabriel.roux')
  await gabriel.get(`/catalog/cloud-alliance-regions/order?contract=${FE}`)
  const scope = await ids(app, 'gabriel.roux', FE, 'cloud-alliance-regions')
  const helene = await ids(app, 'helene.fabre', FE, 'cloud-alliance-regions')
  for (const other of [{ ...scope, serviceCode: 'dedicated-cloud' }, { ...scope, contractId: scope.contractId + 1 }, { ...scope, userId: helene.userId }]) {
    const post = await gabriel.post('/catalog/cloud-alliance-regions/order', { contract: FE, order_token: issueOrderToken(app.config.sessionSecret, other, new Date()), ...ALLIANCE })
    t.equal(post.statusCode, 422)
    t.match(post.body, 'This form is out of date or was altered: check the order — its price may have changed — and order again')
  }
  t.same(await orders(app), [])
})

t.test('a missing required field is refused with 422, values kept, a message next to it and in the summary', async (t) => {
  const app = await setup(t)
  const gabriel = await loginAs(app, 'gabriel.roux')
  const { post } = await order(gabriel, 'cloud-alliance-regions', FE, { ...ALLIANCE, contact_email: '' })
  t.equal(post.statusCode, 422)
  t.match(post.body, 'error-summary')
  t.match(post.body, 'id="contact_email-error"')
  t.match(post.body, 'value="Gabriel Roux"')
  t.same(await orders(app), [])
})

t.test('a number out of its bounds is refused with 422', async (t) => {
  const app = await setup(t)
  const helene = await loginAs(app, 'helene.fabre')
  for (const packs of ['0', '11', '-1', 'two']) {
    const { post } = await order(helene, 'expertise-pack', GOLD, { ...PACKS, packs })
    t.equal(post.statusCode, 422, packs)
    t.match(post.body, 'id="packs-error"')
  }
  t.same(await orders(app), [])
})

t.test('a services visitor is refused with 403, someone without the section too; another company’s contract is a 404', async (t) => {
  const app = await setup(t)
  const julien = await loginAs(app, 'julien.blanc')
  t.equal((await julien.get(`/catalog/cloud-alliance-regions/order?contract=${FE}`)).statusCode, 403)
  const karine = await loginAs(app, 'karine.lopez')
  t.equal((await karine.get('/catalog/cloud-alliance-regions/order?contract=OCB0000101')).statusCode, 403)
  const gabriel = await loginAs(app, 'gabriel.roux')
  t.equal((await gabriel.get('/catalog/cloud-alliance-regions/order?contract=OCB0000101')).statusCode, 404)
  await gabriel.get(`/catalog/cloud-alliance-regions/order?contract=${FE}`)
  t.equal((await gabriel.post('/catalog/cloud-alliance-regions/order', { contract: 'OCB0000101', order_token: tokenOn(gabriel), ...ALLIANCE })).statusCode, 404)
  t.same(await orders(app), [])
})

t.test('a service of another offer, an unknown one or an inactive one is a 404', async (t) => {
  const app = await setup(t)
  const gabriel = await loginAs(app, 'gabriel.roux')
  t.equal((await gabriel.get(`/catalog/expertise-pack/order?contract=${FE}`)).statusCode, 404, 'Cloud Avenue only')
  t.equal((await gabriel.get(`/catalog/no-such-service/order?contract=${FE}`)).statusCode, 404)
  await gabriel.get(`/catalog/cloud-alliance-regions/order?contract=${FE}`)
  const token = tokenOn(gabriel)
  await app.db.updateTable('catalog_services').set({ active: 0 }).where('code', '=', 'cloud-alliance-regions').execute()
  t.equal((await gabriel.get(`/catalog/cloud-alliance-regions/order?contract=${FE}`)).statusCode, 404)
  t.equal((await gabriel.post('/catalog/cloud-alliance-regions/order', { contract: FE, order_token: token, ...ALLIANCE })).statusCode, 404)
  t.same(await orders(app), [])
})

t.test('a referent-only service is a 403 for a manager who isn’t the referent, on GET and POST, and nothing is written', async (t) => {
  const app = await setup(t)
  const gabriel = await loginAs(app, 'gabriel.roux')
  const page = await gabriel.get(`/catalog/modify-contract-name/order?contract=${FE}`)
  t.equal(page.statusCode, 403)
  const post = await gabriel.post('/catalog/modify-contract-name/order', { contract: FE, order_token: 'x', new_name: 'Hacked' })
  t.equal(post.statusCode, 403)
  t.same(await orders(app), [])
})

t.test('the referent renames the contract through an order carrying the new name', async (t) => {
  const app = await setup(t)
  const helene = await loginAs(app, 'helene.fabre')
  const { post } = await order(helene, 'modify-contract-name', FE, { new_name: 'Rivage Banking Platform' })
  t.equal(post.statusCode, 303)
  const [row] = await orders(app)
  t.match(row, { effect: 'rename_contract', total_cents: null })
  t.same(JSON.parse(row!.effect_json), { name: 'Rivage Banking Platform' })
})

t.test('a referent-only service is refused (403) on a multi-services grouping contract, even to its referent', async (t) => {
  const app = await setup(t)
  const david = await loginAs(app, 'david.moreau')
  t.equal((await david.get('/catalog/modify-invoice-references/order?contract=OCB0000100')).statusCode, 403)
  t.equal((await david.post('/catalog/modify-invoice-references/order', { contract: 'OCB0000100', order_token: 'x', ref1: 'PO-1' })).statusCode, 403)
  t.same(await orders(app), [])
})

t.test('a support level upgrade is ordered with the level as its effect input', async (t) => {
  const app = await setup(t)
  const helene = await loginAs(app, 'helene.fabre')
  const { post } = await order(helene, 'fe-support-level', FE, { level: 'business' })
  t.equal(post.statusCode, 303)
  const [row] = await orders(app)
  t.match(row, { effect: 'support_level' })
  t.same(JSON.parse(row!.effect_json), { level: 'business' })
})

t.test('the same support level, or a lower one during the commitment, is refused with 422 next to the field', async (t) => {
  const app = await setup(t)
  const helene = await loginAs(app, 'helene.fabre')
  const same = await order(helene, 'fe-support-level', FE, { level: 'standard' })
  t.equal(same.post.statusCode, 422)
  t.match(same.post.body, 'C’est déjà votre niveau de support')
  const lower = await order(helene, 'fe-support-level', FE, { level: 'basic' })
  t.equal(lower.post.statusCode, 422)
  t.match(lower.post.body, 'Pendant l’engagement, le niveau de support ne peut que monter')
  t.match(lower.post.body, `href="/contracts/${FE}/support-level"`)
  t.same(await orders(app), [])
})

t.test('a lower Cloud Avenue support option is refused with 422: it goes through a change request', async (t) => {
  const app = await setup(t)
  const farid = await loginAs(app, 'farid.haddad')
  const { post } = await order(farid, 'support-option', SILVER, { level: 'bronze' })
  t.equal(post.statusCode, 422)
  t.match(post.body, 'A lower support level goes through a change request')
  t.same(await orders(app), [])
})

t.test('the backup service already active on the contract is refused with 422', async (t) => {
  const app = await setup(t)
  const gabriel = await loginAs(app, 'gabriel.roux')
  const { form, post } = await order(gabriel, 'file-applicative-backup', FE, { protected_servers: '4', retention: '30d', ...ALLIANCE })
  t.match(form.body, 'The backup service is already active on this contract.')
  t.equal(post.statusCode, 422)
  t.match(post.body, 'there is nothing to order')
  t.same(await orders(app), [])
})

t.test('the order’s page in Requests shows the service, the quantity and the price', async (t) => {
  const app = await setup(t)
  const farid = await loginAs(app, 'farid.haddad')
  const { post } = await order(farid, 'expertise-pack', SILVER, PACKS)
  const page = await farid.get(post.headers.location as string)
  t.match(page.body, 'Cloud expertise pack (4 hours)')
  t.match(page.body, '€1,200.00')
})

t.test('renaming the contract is the referent’s by nature: a manager who isn’t the referent gets 403 even when staff unticked “referent only”', async (t) => {
  const app = await setup(t)
  await app.db.updateTable('catalog_services').set({ referent_only: 0 }).where('code', 'in', ['modify-contract-name', 'modify-invoice-references']).execute()
  const gabriel = await loginAs(app, 'gabriel.roux')
  t.equal((await gabriel.get(`/catalog/modify-contract-name/order?contract=${FE}`)).statusCode, 403)
  t.equal((await gabriel.get(`/catalog/modify-invoice-references/order?contract=${FE}`)).statusCode, 403)
  await gabriel.get(`/catalog/cloud-alliance-regions/order?contract=${FE}`)
  const post = await gabriel.post('/catalog/modify-contract-name/order', { contract: FE, order_token: tokenOn(gabriel), new_name: 'Gabriel’s name' })
  t.equal(post.statusCode, 403)
  t.same(await orders(app), [])
})

t.test('creating a tenant is sold only to users of the contract’s company: a manager of another company gets 404, the referent the form', async (t) => {
  const app = await setup(t)
  const gabriel = await loginAs(app, 'gabriel.roux') // company Lumière, services manager on Banque du Rivage's OCB0000301
  t.equal((await gabriel.get(`/catalog/create-tenant/order?contract=${FE}`)).statusCode, 404)
  await gabriel.get(`/catalog/cloud-alliance-regions/order?contract=${FE}`)
  const post = await gabriel.post('/catalog/create-tenant/order', { contract: FE, order_token: tokenOn(gabriel), tenant_name: 'Outsider', level: 'basic' })
  t.equal(post.statusCode, 404)
  const helene = await loginAs(app, 'helene.fabre')
  t.equal((await helene.get(`/catalog/create-tenant/order?contract=${FE}`)).statusCode, 200)
  t.same(await orders(app), [])
})

t.test('a support level through the catalog needs contracts manager too: a services manager who is contracts visitor gets 403 naming it', async (t) => {
  const app = await setup(t)
  const gabriel = await loginAs(app, 'gabriel.roux')
  const form = await gabriel.get(`/catalog/fe-support-level/order?contract=${FE}`)
  t.equal(form.statusCode, 403)
  t.match(form.body, 'Contracts')
  await gabriel.get(`/catalog/cloud-alliance-regions/order?contract=${FE}`)
  t.equal((await gabriel.post('/catalog/fe-support-level/order', { contract: FE, order_token: tokenOn(gabriel), level: 'business' })).statusCode, 403)
  t.same(await orders(app), [])
})

t.test('a quantity field left empty is refused with 422 next to it, never ordered as a quantity of 1', async (t) => {
  const app = await setup(t)
  const row = await app.db.selectFrom('catalog_services').select('fields_json').where('code', '=', 'expertise-pack').executeTakeFirstOrThrow()
  const optional = JSON.parse(row.fields_json).map((field: { name: string }) => (field.name === 'packs' ? { ...field, required: false } : field))
  await app.db.updateTable('catalog_services').set({ fields_json: JSON.stringify(optional) }).where('code', '=', 'expertise-pack').execute()
  const helene = await loginAs(app, 'helene.fabre')
  const { post } = await order(helene, 'expertise-pack', GOLD, { ...PACKS, packs: '' })
  t.equal(post.statusCode, 422)
  t.match(post.body, 'id="packs-error"')
  t.match(post.body, 'saisissez un nombre entier de 1 à 10')
  t.same(await orders(app), [])
})

t.test('a price staff changed between the form and the Order is refused with 422 and the form at the new price; nothing is written', async (t) => {
  const app = await setup(t)
  const helene = await loginAs(app, 'helene.fabre')
  await helene.get(`/catalog/expertise-pack/order?contract=${GOLD}`)
  const token = tokenOn(helene)
  await app.db.updateTable('catalog_services').set({ price_cents: 65_000 }).where('code', '=', 'expertise-pack').execute()
  const post = await helene.post('/catalog/expertise-pack/order', { contract: GOLD, order_token: token, ...PACKS })
  t.equal(post.statusCode, 422)
  t.match(post.body, 'Ce formulaire n’est plus à jour ou a été modifié : vérifiez la commande — son prix a pu changer — et commandez à nouveau')
  t.match(post.body, '1\u202f300,00\u00a0€', 'the estimate at the new price (2 packs)')
  t.not(tokenOn(helene), token)
  t.same(await orders(app), [])
  t.same(await app.db.selectFrom('outbox').select('id').where('template', '=', 'order_confirmation').execute(), [])
})

t.test('a contract name longer than the contract takes is refused with 422 next to the field, even if the form’s definition allows it', async (t) => {
  const app = await setup(t)
  const longer = [{ name: 'new_name', type: 'text', required: true, maxLength: 200, label: { en: 'New name of the contract', fr: 'Nouveau nom du contrat' } }]
  await app.db.updateTable('catalog_services').set({ fields_json: JSON.stringify(longer) }).where('code', '=', 'modify-contract-name').execute()
  const helene = await loginAs(app, 'helene.fabre')
  const { post } = await order(helene, 'modify-contract-name', FE, { new_name: 'R'.repeat(101) })
  t.equal(post.statusCode, 422)
  t.match(post.body, 'id="new_name-error"')
  t.match(post.body, '« Nouveau nom du contrat » doit faire 100 caractères au plus')
  t.same(await orders(app), [])
})

t.test('the confirmation of a quantity typed in a field shows it once, in the answers, with the total', async (t) => {
  const app = await setup(t)
  const farid = await loginAs(app, 'farid.haddad')
  t.equal((await order(farid, 'expertise-pack', SILVER, PACKS)).post.statusCode, 303)
  const mail = await app.db.selectFrom('outbox').selectAll().where('template', '=', 'order_confirmation').executeTakeFirstOrThrow()
  t.match(mail.text_body, 'Number of packs')
  t.notMatch(mail.text_body, /Quantity/, 'no extra quantity row')
  t.match(mail.text_body, '€1,200.00')
})

t.test('on a suspended contract the order form says why ordering is unavailable (403) instead of offering an Order button', async (t) => {
  const app = await setup(t)
  await app.db.updateTable('contracts').set({ status: 'suspended' }).where('code', '=', FE).execute()
  const gabriel = await loginAs(app, 'gabriel.roux')
  const form = await gabriel.get(`/catalog/cloud-alliance-regions/order?contract=${FE}`)
  t.equal(form.statusCode, 403)
  t.match(form.body, 'This contract is suspended')
  t.notMatch(form.body, 'name="order_token"')
})
