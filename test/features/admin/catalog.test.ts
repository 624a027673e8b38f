// The back-office's catalog (issue 9 §6): who opens it, the services with
// their texts, prices, forms and flags (what customers then see), categories,
// subscription offers, the audit of every save, and the 422s of bad input.
import t, { type Test } from 'tap'
import { buildTestApp, freshDatabase } from '../../helpers/app.js'
import { loginAs, loginAsStaff, seedPersonas } from '../../helpers/personas.js'
import type { DB } from '../../../src/db/database.js'
import { placeOrder } from '../../../src/features/catalog/orders.writes.js'
import { requestNumber } from '../../../src/features/requests/request-number.js'

async function setup(t: Test) {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  return { db, app: await buildTestApp(t, { db }) }
}

const FIELDS = [
  { name: 'contact_name', type: 'text', required: true, maxLength: 100, label: { en: 'Contact person', fr: 'Personne à contacter' } },
  { name: 'disks', type: 'number', required: true, min: 1, max: 20, label: { en: 'Disks', fr: 'Disques' } },
]

/** A complete new-service form: a fixed-price service sold on Flexible Engine. */
const serviceFields = (db: DB, fields: Record<string, string> = {}) => categoryId(db, 'backup').then((category) => ({
  code: 'disk-encryption', category: String(category), name_en: 'Disk encryption', name_fr: 'Chiffrement des disques',
  summary_en: 'Your disks encrypted with your own keys.', summary_fr: 'Vos disques chiffrés avec vos propres clés.',
  description_en: 'Keys kept in the key management service.', description_fr: 'Clés gardées dans le service de gestion des clés.',
  conditions_en: '', conditions_fr: '', pricing: 'fixed', price: '1 234,50', price_period: 'monthly', quantity_field: 'disks',
  offer_fe: 'on', offer_fe_hds: 'on', effect: 'none', active: 'yes', position: '', fields_json: JSON.stringify(FIELDS), ...fields,
}))

const categoryId = async (db: DB, code: string) =>
  (await db.selectFrom('catalog_categories').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id

const service = (db: DB, code: string) => db.selectFrom('catalog_services').selectAll().where('code', '=', code).executeTakeFirst()

const audits = async (db: DB, action: string) =>
  (await db.selectFrom('audit_log').select('details').where('action', '=', action).orderBy('id').execute()).map((row) => JSON.parse(row.details!))

const countRows = async (db: DB, table: 'catalog_services' | 'catalog_categories' | 'subscription_offers' | 'audit_log') =>
  Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)

/** The edit form's values of a demo service, as the page would post them back. */
async function editFields(db: DB, code: string, changes: Record<string, string> = {}) {
  const row = (await service(db, code))!
  const offers = Object.fromEntries((row.offers ?? '').split(',').filter(Boolean).map((offer) => [`offer_${offer}`, 'on']))
  return {
    category: String(row.category_id), name_en: row.name_en, name_fr: row.name_fr, summary_en: row.summary_en, summary_fr: row.summary_fr,
    description_en: row.description_en, description_fr: row.description_fr, conditions_en: row.conditions_en, conditions_fr: row.conditions_fr,
    pricing: row.pricing, price: row.price_cents === null ? '' : String(row.price_cents / 100), price_period: row.price_period ?? '',
    quantity_field: row.quantity_field ?? '', ...offers, effect: row.effect, ...(row.active === 1 ? { active: 'yes' } : {}),
    ...(row.referent_only === 1 ? { referent_only: 'yes' } : {}), position: String(row.position), fields_json: row.fields_json, ...changes,
  }
}

t.test('account managers and admins open the catalog; support gets 403 naming the roles, a customer 404', async (t) => {
  const { app } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  const page = await marc.get('/admin/catalog')
  t.equal(page.statusCode, 200)
  t.match(page.body, '<h1>Catalogue de services</h1>')
  const sophie = await loginAsStaff(app, 'sophie.durand')
  t.equal((await sophie.get('/admin/catalog')).statusCode, 200, 'admin opens every area')
  const thomas = await loginAsStaff(app, 'thomas.girard')
  const refused = await thomas.get('/admin/catalog/services/new')
  t.equal(refused.statusCode, 403)
  t.match(refused.body, 'Administrator, Account manager')
  const gabriel = await loginAs(app, 'gabriel.roux')
  t.equal((await gabriel.get('/admin/catalog')).statusCode, 404)
  t.equal((await gabriel.get('/admin/catalog/services/modify-contract-name')).statusCode, 404)
})

t.test('the catalog page lists every service by category with its code, price, offers, access, status and orders, and the subscription offers', async (t) => {
  const { app, db } = await setup(t)
  const sophie = await loginAsStaff(app, 'sophie.durand')
  const before = await sophie.get('/admin/catalog')
  t.match(before.body, /href="\/admin\/catalog\/services\/file-applicative-backup">File and Applicative Backup \(FAB\)<\/a>/)
  t.match(before.body, '90,00\u00a0€ par mois')
  t.match(before.body, '600,00\u00a0€ une fois')
  t.match(before.body, '× packs')
  t.match(before.body, 'Le référent du contrat seulement')
  t.match(before.body, 'Flexible Engine, Flexible Engine HDS')
  t.match(before.body, 'href="/admin/catalog/categories/')
  t.match(before.body, /Workspace Developer 4 vCPU 8 GB<\/td>\s*<td[^>]*>36 mois<\/td>\s*<td[^>]*>47,90\u00a0€<\/td>\s*<td[^>]*>D’avance<\/td>\s*<td[^>]*>300<\/td>/)
  const fab = (await service(db, 'file-applicative-backup'))!
  const helene = (await db.selectFrom('users').select('id').where('login', '=', 'helene.fabre').executeTakeFirstOrThrow()).id
  const contract = await db.selectFrom('contracts').selectAll().where('code', '=', 'OCB0000301').executeTakeFirstOrThrow()
  await orderOnce(db, contract, fab, helene, 'token-1')
  const after = await sophie.get('/admin/catalog')
  t.match(after.body, /file-applicative-backup[\s\S]*?<td data-label="Commandes" class="num">1<\/td>/, 'the order is counted')
})

t.test('creating a service stores its texts, price in cents, offers and definitions, audits it, and customers of those offers see it', async (t) => {
  const { app, db } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  await marc.get('/admin/catalog/services/new')
  const response = await marc.post('/admin/catalog/services/new', await serviceFields(db))
  t.equal(response.statusCode, 303)
  t.equal(response.headers.location, '/admin/catalog/services/disk-encryption')
  const row = (await service(db, 'disk-encryption'))!
  t.match(row, { name_fr: 'Chiffrement des disques', pricing: 'fixed', price_cents: 123_450, price_period: 'monthly', quantity_field: 'disks', offers: 'fe,fe_hds', active: 1, referent_only: 0 })
  t.same(JSON.parse(row.fields_json), FIELDS)
  const [audit] = await audits(db, 'admin.catalog.service_created')
  t.match(audit, { id: row.id, code: 'disk-encryption', price_cents: 123_450, offers: 'fe,fe_hds' })
  const page = await marc.get(response.headers.location as string)
  t.match(page.body, 'Le service disk-encryption a été créé.')
  t.match(page.body, 'id="preview-contact_name"', 'the saved form is previewed')
  const gabriel = await loginAs(app, 'gabriel.roux')
  const catalog = await gabriel.get('/catalog?contract=OCB0000301')
  t.match(catalog.body, 'Disk encryption', 'on the customer catalog of a Flexible Engine contract')
  t.match(catalog.body, 'Your disks encrypted with your own keys.')
  const emma = await loginAs(app, 'emma.leroy')
  t.notMatch((await emma.get('/catalog?contract=OCB0000201')).body, 'Disk encryption', 'not on a Cloud Avenue contract')
})

t.test('editing a service’s price audits only what changed and the customer catalog shows the new price', async (t) => {
  const { app, db } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  const form = await marc.get('/admin/catalog/services/file-applicative-backup')
  t.match(form.body, 'value="90,00"', 'the price as staff type it')
  t.match(form.body, '&quot;protected_servers&quot;', 'the definitions, indented, escaped')
  const response = await marc.post('/admin/catalog/services/file-applicative-backup', await editFields(db, 'file-applicative-backup', { price: '95,50' }))
  t.equal(response.statusCode, 303)
  t.equal((await service(db, 'file-applicative-backup'))!.price_cents, 9_550)
  const [audit] = await audits(db, 'admin.catalog.service_updated')
  t.same(audit, { id: (await service(db, 'file-applicative-backup'))!.id, code: 'file-applicative-backup', before: { price_cents: 9_000 }, after: { price_cents: 9_550 } })
  const gabriel = await loginAs(app, 'gabriel.roux')
  t.match((await gabriel.get('/catalog/file-applicative-backup?contract=OCB0000301')).body, '€95.50')
})

t.test('saving a service unchanged writes no audit row', async (t) => {
  const { app, db } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  await marc.get('/admin/catalog/services/support-option')
  const response = await marc.post('/admin/catalog/services/support-option', await editFields(db, 'support-option'))
  t.equal(response.statusCode, 303)
  t.same(await audits(db, 'admin.catalog.service_updated'), [])
})

t.test('a deactivated service’s order form is a 404 for customers, and the request page of a past order still shows its answers', async (t) => {
  const { app, db } = await setup(t)
  const fab = (await service(db, 'file-applicative-backup'))!
  const contract = await db.selectFrom('contracts').selectAll().where('code', '=', 'OCB0000301').executeTakeFirstOrThrow()
  const gabrielId = (await db.selectFrom('users').select('id').where('login', '=', 'gabriel.roux').executeTakeFirstOrThrow()).id
  const requestId = await orderOnce(db, contract, fab, gabrielId, 'token-before-deactivation')
  const marc = await loginAsStaff(app, 'marc.lefevre')
  await marc.get('/admin/catalog/services/file-applicative-backup')
  const fields = await editFields(db, 'file-applicative-backup')
  delete (fields as Record<string, string>).active
  t.equal((await marc.post('/admin/catalog/services/file-applicative-backup', fields)).statusCode, 303)
  t.equal((await service(db, 'file-applicative-backup'))!.active, 0)
  t.match((await audits(db, 'admin.catalog.service_updated'))[0], { before: { active: 1 }, after: { active: 0 } })
  t.match((await marc.get('/admin/catalog')).body, /file-applicative-backup[\s\S]*?Inactif/)
  const edit = (await marc.get('/admin/catalog/services/file-applicative-backup')).body
  t.match(edit, 'Commandé 1 fois.', 'its edit page counts the past order')
  t.match(edit, 'Inactif : les clients ne peuvent pas le commander')
  const gabriel = await loginAs(app, 'gabriel.roux')
  t.equal((await gabriel.get('/catalog/file-applicative-backup/order?contract=OCB0000301')).statusCode, 404)
  t.notMatch((await gabriel.get('/catalog?contract=OCB0000301')).body, 'File and Applicative Backup')
  const request = await gabriel.get(`/requests/${requestNumber(requestId)}`)
  t.equal(request.statusCode, 200)
  t.match(request.body, 'Servers to protect')
  t.match(request.body, 'Jeanne Martin')
})

t.test('invalid JSON in the definitions is refused with 422 next to the text area, what was typed kept, nothing written', async (t) => {
  const { app, db } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  await marc.get('/admin/catalog/services/new')
  const before = [await countRows(db, 'catalog_services'), await countRows(db, 'audit_log')]
  const response = await marc.post('/admin/catalog/services/new', await serviceFields(db, { fields_json: '[{"name": "contact_name",' }))
  t.equal(response.statusCode, 422)
  t.match(response.body, 'Les définitions des champs ne sont pas valides : JSON:')
  t.match(response.body, /<textarea[^>]*id="fields_json"[^>]*aria-invalid="true"[^>]*>\[\{&quot;name&quot;: &quot;contact_name&quot;,<\/textarea>/)
  t.match(response.body, 'value="Chiffrement des disques"', 'the other fields kept')
  t.match(response.body, 'class="error-summary"')
  t.same([await countRows(db, 'catalog_services'), await countRows(db, 'audit_log')], before)
})

t.test('a definition the field parser refuses is a 422 with the parser’s own message', async (t) => {
  const { app, db } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  await marc.get('/admin/catalog/services/new')
  const bad = [{ name: 'size', type: 'slider', required: true, label: { en: 'Size', fr: 'Taille' } }]
  const response = await marc.post('/admin/catalog/services/new', await serviceFields(db, { fields_json: JSON.stringify(bad), quantity_field: '' }))
  t.equal(response.statusCode, 422)
  t.match(response.body, 'field definitions[0]: unknown type slider')
  t.equal(await service(db, 'disk-encryption'), undefined)
})

t.test('an effect whose completion reads a field the definitions lack is refused with 422', async (t) => {
  const { app, db } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  await marc.get('/admin/catalog/services/new')
  const renaming = await marc.post('/admin/catalog/services/new', await serviceFields(db, { effect: 'rename_contract', pricing: 'free' }))
  t.equal(renaming.statusCode, 422)
  t.match(renaming.body, 'Cet effet lit un champ texte obligatoire nommé « new_name »')
  const tenant = [{ name: 'tenant_name', type: 'text', required: true, maxLength: 100, label: { en: 'Name', fr: 'Nom' } }]
  const creating = await marc.post('/admin/catalog/services/new', await serviceFields(db, { effect: 'create_tenant', pricing: 'free', fields_json: JSON.stringify(tenant) }))
  t.equal(creating.statusCode, 422)
  t.match(creating.body, 'Cet effet lit une liste de choix obligatoire nommée « level »')
  const subscription = await marc.post('/admin/catalog/services/new', await serviceFields(db, { effect: 'subscription' }))
  t.match(subscription.body, 'Créer un abonnement demande la tarification par réservation')
  t.equal(await service(db, 'disk-encryption'), undefined)
})

t.test('a fixed price that is empty, zero, negative or not a number, or a quantity field that is no number field, is refused with 422', async (t) => {
  const { app, db } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  await marc.get('/admin/catalog/services/new')
  for (const price of ['', '0', '-5', 'douze', '12,345']) {
    const response = await marc.post('/admin/catalog/services/new', await serviceFields(db, { price }))
    t.equal(response.statusCode, 422, price)
    t.match(response.body, 'Saisissez un prix supérieur à zéro en euros', price)
  }
  const quantity = await marc.post('/admin/catalog/services/new', await serviceFields(db, { quantity_field: 'contact_name' }))
  t.equal(quantity.statusCode, 422)
  t.match(quantity.body, 'Le formulaire n’a pas de champ nombre nommé « contact_name »')
  t.equal(await service(db, 'disk-encryption'), undefined)
})

t.test('a service code already used, or of the wrong shape, is refused with 422 next to the code', async (t) => {
  const { app, db } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  await marc.get('/admin/catalog/services/new')
  const before = await countRows(db, 'catalog_services')
  const taken = await marc.post('/admin/catalog/services/new', await serviceFields(db, { code: 'dedicated-cloud' }))
  t.equal(taken.statusCode, 422)
  t.match(taken.body, /id="code-error"[^>]*>.*Le code « dedicated-cloud » est déjà utilisé/)
  for (const code of ['Disk', 'a', '-disk', 'new', 'x'.repeat(65)]) {
    t.equal((await marc.post('/admin/catalog/services/new', await serviceFields(db, { code }))).statusCode, 422, code)
  }
  t.equal(await countRows(db, 'catalog_services'), before)
})

t.test('a service’s code can’t be changed by its edit form', async (t) => {
  const { app, db } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  await marc.get('/admin/catalog/services/dedicated-cloud')
  const response = await marc.post('/admin/catalog/services/dedicated-cloud', await editFields(db, 'dedicated-cloud', { code: 'renamed' }))
  t.equal(response.statusCode, 303)
  t.ok(await service(db, 'dedicated-cloud'))
  t.equal(await service(db, 'renamed'), undefined)
})

t.test('an unknown service code, category or subscription offer id is a 404', async (t) => {
  const { app } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  for (const url of ['/admin/catalog/services/nope', '/admin/catalog/services/UPPER', '/admin/catalog/categories/999', '/admin/catalog/categories/abc', '/admin/catalog/subscription-offers/999', '/admin/catalog/subscription-offers/0']) {
    t.equal((await marc.get(url)).statusCode, 404, url)
  }
})

t.test('categories are created and edited with a unique code and both names, each save audited', async (t) => {
  const { app, db } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  await marc.get('/admin/catalog/categories/new')
  const created = await marc.post('/admin/catalog/categories/new', { code: 'security', name_en: 'Security', name_fr: 'Sécurité', position: '' })
  t.equal(created.statusCode, 303)
  const row = await db.selectFrom('catalog_categories').selectAll().where('code', '=', 'security').executeTakeFirstOrThrow()
  t.equal(row.position, 5, 'last, after the five demo categories')
  t.match((await audits(db, 'admin.catalog.category_created'))[0], { id: row.id, code: 'security', name_fr: 'Sécurité' })
  t.match((await marc.get('/admin/catalog')).body, 'Sécurité')
  await marc.get(`/admin/catalog/categories/${row.id}`)
  const duplicate = await marc.post(`/admin/catalog/categories/${row.id}`, { code: 'backup', name_en: 'Security', name_fr: 'Sécurité', position: '5' })
  t.equal(duplicate.statusCode, 422)
  t.match(duplicate.body, 'Le code « backup » est déjà utilisé')
  const empty = await marc.post(`/admin/catalog/categories/${row.id}`, { code: 'Sec urity', name_en: '', name_fr: '', position: 'first' })
  t.equal(empty.statusCode, 422)
  for (const text of ['Utilisez seulement des lettres minuscules', 'Saisissez le nom en anglais', 'Saisissez le nom en français', 'Saisissez un nombre entier de 0 à 10000']) t.match(empty.body, text)
  const saved = await marc.post(`/admin/catalog/categories/${row.id}`, { code: 'security', name_en: 'Security and compliance', name_fr: 'Sécurité', position: '1' })
  t.equal(saved.statusCode, 303)
  t.same((await audits(db, 'admin.catalog.category_updated'))[0], { id: row.id, before: { name_en: 'Security', position: 5 }, after: { name_en: 'Security and compliance', position: 1 } })
})

t.test('subscription offers are created and edited, prices in cents, each save audited', async (t) => {
  const { app, db } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  await marc.get('/admin/catalog/subscription-offers/new')
  const offer = { kind: 'workspace', region_code: 'eu-west-1', flavour: 'Workspace Developer 4 vCPU 8 GB', commitment_months: '24', monthly_price: '51,20', payment_method: 'upfront', available_quantity: '50', active: 'yes', position: '' }
  const created = await marc.post('/admin/catalog/subscription-offers/new', offer)
  t.equal(created.statusCode, 303)
  const row = await db.selectFrom('subscription_offers').selectAll().where('region_code', '=', 'eu-west-1').where('flavour', '=', offer.flavour).executeTakeFirstOrThrow()
  t.match(row, { kind: 'workspace', commitment_months: 24, monthly_price_cents: 5_120, payment_method: 'upfront', available_quantity: 50, active: 1 })
  t.match((await audits(db, 'admin.catalog.offer_created'))[0], { id: row.id, monthly_price_cents: 5_120 })
  const form = await marc.get(`/admin/catalog/subscription-offers/${row.id}`)
  t.match(form.body, 'value="51,20"')
  const saved = await marc.post(`/admin/catalog/subscription-offers/${row.id}`, { ...offer, available_quantity: '0', active: '', position: String(row.position) })
  t.equal(saved.statusCode, 303)
  t.same((await audits(db, 'admin.catalog.offer_updated'))[0], { id: row.id, before: { available_quantity: 50, active: 1 }, after: { available_quantity: 0, active: 0 } })
})

t.test('a subscription offer with a bad kind, region, commitment, price, payment or quantity is refused with 422, values kept, nothing written', async (t) => {
  const { app, db } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  await marc.get('/admin/catalog/subscription-offers/new')
  const before = await countRows(db, 'subscription_offers')
  const response = await marc.post('/admin/catalog/subscription-offers/new', {
    kind: 'mainframe', region_code: 'EU West', flavour: '<b>big</b>', commitment_months: '61', monthly_price: '0', payment_method: 'barter', available_quantity: '-1', position: '',
  })
  t.equal(response.statusCode, 422)
  for (const text of ['Choisissez un type d’abonnement', 'comme eu-west-0', 'de 1 à 60', 'Saisissez un prix supérieur à zéro', 'Choisissez le mode de paiement', 'Saisissez un nombre entier d’instances']) {
    t.match(response.body, text)
  }
  t.match(response.body, 'value="&lt;b&gt;big&lt;/b&gt;"', 'kept, escaped')
  t.equal(await countRows(db, 'subscription_offers'), before)
})

/** An order of `service` placed as the customer's form would (the request, its order row, its answers). */
async function orderOnce(db: DB, contract: { id: number; name: string; code: string }, service: NonNullable<Awaited<ReturnType<typeof serviceRow>>>, ordererId: number, token: string) {
  const placed = await placeOrder(db, {
    contract, service, ordererId, ip: '127.0.0.1', token, title: service.name_en,
    answers: [
      { name: 'protected_servers', label: { en: 'Servers to protect', fr: 'Serveurs à protéger' }, value: '3' },
      { name: 'contact_name', label: { en: 'Contact person for the implementation', fr: 'Contact pour la mise en œuvre' }, value: 'Jeanne Martin' },
    ],
    quantity: 1, unitPriceCents: service.price_cents, totalCents: service.price_cents, pricePeriod: service.price_period, effectInput: {},
  }, 'http://portal.test', new Date())
  return placed.requestId
}

function serviceRow(db: DB) {
  return service(db, 'file-applicative-backup')
}

t.test('saving a category or a subscription offer unchanged writes no audit row', async (t) => {
  const { app, db } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  const category = await db.selectFrom('catalog_categories').selectAll().where('code', '=', 'backup').executeTakeFirstOrThrow()
  await marc.get(`/admin/catalog/categories/${category.id}`)
  const savedCategory = await marc.post(`/admin/catalog/categories/${category.id}`, { code: category.code, name_en: category.name_en, name_fr: category.name_fr, position: String(category.position) })
  t.equal(savedCategory.statusCode, 303)
  const offer = await db.selectFrom('subscription_offers').selectAll().orderBy('id').executeTakeFirstOrThrow()
  const form = (await marc.get(`/admin/catalog/subscription-offers/${offer.id}`)).body
  const monthlyPrice = /name="monthly_price"[^>]*value="([^"]*)"/.exec(form)?.[1] ?? ''
  const savedOffer = await marc.post(`/admin/catalog/subscription-offers/${offer.id}`, {
    kind: offer.kind, region_code: offer.region_code, flavour: offer.flavour, commitment_months: String(offer.commitment_months), monthly_price: monthlyPrice,
    payment_method: offer.payment_method, available_quantity: String(offer.available_quantity), ...(offer.active === 1 ? { active: 'yes' } : {}), position: String(offer.position),
  })
  t.equal(savedOffer.statusCode, 303)
  t.same([...await audits(db, 'admin.catalog.category_updated'), ...await audits(db, 'admin.catalog.offer_updated')], [])
})

t.test('a field an effect writes into the contract may not allow more than the contract takes: a contract name over 100 characters is refused with 422', async (t) => {
  const { app, db } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  await marc.get('/admin/catalog/services/new')
  const longer = [{ name: 'new_name', type: 'text', required: true, maxLength: 200, label: { en: 'Name', fr: 'Nom' } }]
  const renaming = await marc.post('/admin/catalog/services/new', await serviceFields(db, { effect: 'rename_contract', pricing: 'free', quantity_field: '', fields_json: JSON.stringify(longer) }))
  t.equal(renaming.statusCode, 422)
  t.match(renaming.body, 'Cet effet écrit « new_name » dans le contrat, qui en prend au plus 100 caractères')
  const unbounded = [{ name: 'ref1', type: 'text', required: true, label: { en: 'REF1', fr: 'REF1' } }]
  const ref1 = await marc.post('/admin/catalog/services/new', await serviceFields(db, { effect: 'set_ref1', pricing: 'free', quantity_field: '', fields_json: JSON.stringify(unbounded) }))
  t.equal(ref1.statusCode, 422, 'a text without maxLength allows 200 characters, more than REF1’s 50')
  t.match(ref1.body, 'qui en prend au plus 50 caractères')
  t.equal(await service(db, 'disk-encryption'), undefined)
})

t.test('a quantity field must be a number bounded from 1 to at most 999,999: no min, a min of 0, no max or a larger max is refused with 422', async (t) => {
  const { app, db } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  await marc.get('/admin/catalog/services/new')
  const disks = (bounds: Record<string, number>) => [FIELDS[0], { name: 'disks', type: 'number', required: true, label: { en: 'Disks', fr: 'Disques' }, ...bounds }]
  const cases: Array<Record<string, number>> = [{ max: 20 }, { min: 0, max: 20 }, { min: 1 }, { min: 1, max: 1_000_000 }]
  for (const bounds of cases) {
    const response = await marc.post('/admin/catalog/services/new', await serviceFields(db, { fields_json: JSON.stringify(disks(bounds)) }))
    t.equal(response.statusCode, 422, JSON.stringify(bounds))
    t.match(response.body, 'Le champ de quantité « disks » demande un min de 1 ou plus et un max d’au plus 999999')
  }
  t.equal(await service(db, 'disk-encryption'), undefined)
})
