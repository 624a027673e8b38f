// The back-office's change catalog (issue 9, PRODUCT "Back-office"): who opens
// it, items created and edited with their own forms (what services managers
// then see on /requests/new/change), the audit of every save, the 422s of bad
// input, and the portal's own support-level downgrade item kept read-only.
import t, { type Test } from 'tap'
import { buildTestApp, freshDatabase } from '../../helpers/app.js'
import { loginAs, loginAsStaff, seedPersonas } from '../../helpers/personas.js'
import type { DB } from '../../../src/db/database.js'

async function setup(t: Test) {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  return { db, app: await buildTestApp(t, { db }) }
}

const FIELDS = [
  { name: 'database', type: 'text', required: true, maxLength: 100, label: { en: 'Database instance', fr: 'Instance de base de données' } },
  { name: 'instances', type: 'number', required: true, min: 1, max: 50, label: { en: 'Read replicas', fr: 'Réplicas en lecture' } },
]

const categoryId = async (db: DB, code: string) =>
  (await db.selectFrom('change_categories').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id

/** A complete new-item form: a quota change on Flexible Engine offers. */
const itemFields = async (db: DB, fields: Record<string, string> = {}) => ({
  code: 'quota_rds', category: String(await categoryId(db, 'quotas')), name_en: 'Increase RDS quotas', name_fr: 'Augmenter les quotas RDS',
  description_en: 'More read replicas for your databases.', description_fr: 'Davantage de réplicas pour vos bases.',
  offer_fe: 'on', offer_fe_hds: 'on', active: 'yes', position: '', fields_json: JSON.stringify(FIELDS), ...fields,
})

const item = (db: DB, code: string) => db.selectFrom('change_items').selectAll().where('code', '=', code).executeTakeFirst()

const audits = async (db: DB, action: string) =>
  (await db.selectFrom('audit_log').select('details').where('action', '=', action).orderBy('id').execute()).map((row) => JSON.parse(row.details!))

const countRows = async (db: DB, table: 'change_items' | 'audit_log') =>
  Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)

/** The edit form of an item as the page would post it back. */
async function editFields(db: DB, code: string, changes: Record<string, string> = {}) {
  const row = (await item(db, code))!
  const offers = Object.fromEntries((row.offers ?? '').split(',').filter(Boolean).map((offer) => [`offer_${offer}`, 'on']))
  return {
    name_en: row.name_en, name_fr: row.name_fr, description_en: row.description_en, description_fr: row.description_fr, ...offers,
    ...(row.active === 1 ? { active: 'yes' } : {}), position: String(row.position), fields_json: row.fields_json, ...changes,
  }
}

t.test('account managers and admins open the change catalog; support gets 403, a customer 404', async (t) => {
  const { app } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  const page = await marc.get('/admin/change-catalog')
  t.equal(page.statusCode, 200)
  t.match(page.body, '<h1>Catalogue de changements</h1>')
  t.match((await marc.get('/admin/catalog')).body, 'href="/admin/change-catalog"', 'linked from the service catalog')
  const sophie = await loginAsStaff(app, 'sophie.durand')
  t.equal((await sophie.get('/admin/change-catalog/items/quota_ecs')).statusCode, 200)
  const thomas = await loginAsStaff(app, 'thomas.girard')
  const refused = await thomas.get('/admin/change-catalog')
  t.equal(refused.statusCode, 403)
  t.match(refused.body, 'Administrator, Account manager')
  const gabriel = await loginAs(app, 'gabriel.roux')
  t.equal((await gabriel.get('/admin/change-catalog')).statusCode, 404)
})

t.test('the change catalog page lists catalogs, categories and items with code, names, offers, fields and status', async (t) => {
  const { app } = await setup(t)
  const sophie = await loginAsStaff(app, 'sophie.durand')
  const page = (await sophie.get('/admin/change-catalog')).body
  t.match(page, 'Catalogue de Changement Standard')
  t.match(page, /<h3 id="category-\d+">Gestion des Quotas/)
  t.match(page, /href="\/admin\/change-catalog\/items\/quota_ecs">Augmenter les quotas Elastic Cloud Server<\/a>/)
  t.match(page, 'Flexible Engine, Flexible Engine HDS')
  t.match(page, /support_level_downgrade[\s\S]*?Inactif[\s\S]*?Ouvert par le portail lui-même/)
})

t.test('creating an item stores it, audits it, and a services manager of a matching offer requests it through its form', async (t) => {
  const { app, db } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  await marc.get('/admin/change-catalog/items/new')
  const response = await marc.post('/admin/change-catalog/items/new', await itemFields(db))
  t.equal(response.statusCode, 303)
  t.equal(response.headers.location, '/admin/change-catalog/items/quota_rds')
  const row = (await item(db, 'quota_rds'))!
  t.match(row, { category_id: await categoryId(db, 'quotas'), name_fr: 'Augmenter les quotas RDS', offers: 'fe,fe_hds', active: 1 })
  t.same(JSON.parse(row.fields_json), FIELDS)
  const [audit] = await audits(db, 'admin.change_catalog.item_created')
  t.match(audit, { id: row.id, code: 'quota_rds', offers: 'fe,fe_hds', active: 1 })
  const page = await marc.get(response.headers.location as string)
  t.match(page.body, 'L’élément de changement quota_rds a été créé.')
  t.match(page.body, 'id="preview-instances"', 'the saved form is previewed')
  const gabriel = await loginAs(app, 'gabriel.roux')
  t.match((await gabriel.get('/requests/new/change?contract=OCB0000301')).body, 'Increase RDS quotas')
  const form = await gabriel.get('/requests/new/change?contract=OCB0000301&item=quota_rds')
  t.equal(form.statusCode, 200)
  t.match(form.body, 'Read replicas')
  t.match(form.body, 'id="database"')
})

t.test('editing an item audits only what changed and customers see the new name; an unchanged save writes no audit row', async (t) => {
  const { app, db } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  await marc.get('/admin/change-catalog/items/restore')
  const unchanged = await marc.post('/admin/change-catalog/items/restore', await editFields(db, 'restore'))
  t.equal(unchanged.statusCode, 303)
  t.same(await audits(db, 'admin.change_catalog.item_updated'), [], 'the seeded definitions, re-posted, are no change')
  const response = await marc.post('/admin/change-catalog/items/restore', await editFields(db, 'restore', { name_en: 'Restore from a backup' }))
  t.equal(response.statusCode, 303)
  const row = (await item(db, 'restore'))!
  t.equal(row.name_en, 'Restore from a backup')
  t.same(await audits(db, 'admin.change_catalog.item_updated'), [{ id: row.id, code: 'restore', before: { name_en: 'Restore data from a backup' }, after: { name_en: 'Restore from a backup' } }])
  const gabriel = await loginAs(app, 'gabriel.roux')
  t.match((await gabriel.get('/requests/new/change?contract=OCB0000301&item=restore')).body, 'Restore from a backup')
})

t.test('a deactivated item’s form is a 404 for customers and it leaves their change catalog', async (t) => {
  const { app, db } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  await marc.get('/admin/change-catalog/items/dc_route')
  const fields = await editFields(db, 'dc_route')
  delete (fields as Record<string, string>).active
  t.equal((await marc.post('/admin/change-catalog/items/dc_route', fields)).statusCode, 303)
  t.equal((await item(db, 'dc_route'))!.active, 0)
  const [audit] = await audits(db, 'admin.change_catalog.item_updated')
  t.match(audit, { code: 'dc_route', before: { active: 1 }, after: { active: 0 } })
  const gabriel = await loginAs(app, 'gabriel.roux')
  t.equal((await gabriel.get('/requests/new/change?contract=OCB0000301&item=dc_route')).statusCode, 404)
  t.notMatch((await gabriel.get('/requests/new/change?contract=OCB0000301')).body, 'item=dc_route')
})

t.test('definitions that are not JSON, or that the parser refuses, are a 422 next to the text area with what was typed kept, nothing written', async (t) => {
  const { app, db } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  await marc.get('/admin/change-catalog/items/new')
  const before = [await countRows(db, 'change_items'), await countRows(db, 'audit_log')]
  const broken = await marc.post('/admin/change-catalog/items/new', await itemFields(db, { fields_json: '[{"name": "database",' }))
  t.equal(broken.statusCode, 422)
  t.match(broken.body, 'Les définitions des champs ne sont pas valides : JSON:')
  t.match(broken.body, /<textarea[^>]*id="fields_json"[^>]*aria-invalid="true"[^>]*>\[\{&quot;name&quot;: &quot;database&quot;,<\/textarea>/)
  t.match(broken.body, 'value="Augmenter les quotas RDS"', 'the other fields kept')
  t.match(broken.body, 'class="error-summary"')
  const reserved = await marc.post('/admin/change-catalog/items/new', await itemFields(db, { fields_json: '[{"name":"description","type":"text","required":true,"label":{"en":"D","fr":"D"}}]' }))
  t.equal(reserved.statusCode, 422, 'a field named like the page’s own description')
  await marc.get('/admin/change-catalog/items/restore')
  const edit = await marc.post('/admin/change-catalog/items/restore', await editFields(db, 'restore', { fields_json: '{"name":"x"}' }))
  t.equal(edit.statusCode, 422)
  t.match(edit.body, 'field definitions: not a list')
  t.same([await countRows(db, 'change_items'), await countRows(db, 'audit_log')], before)
})

t.test('an item code already used, of the wrong shape, or no category, is refused with 422 and nothing written', async (t) => {
  const { app, db } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  await marc.get('/admin/change-catalog/items/new')
  const before = [await countRows(db, 'change_items'), await countRows(db, 'audit_log')]
  const taken = await marc.post('/admin/change-catalog/items/new', await itemFields(db, { code: 'quota_ecs' }))
  t.equal(taken.statusCode, 422)
  t.match(taken.body, 'Le code « quota_ecs » est déjà utilisé')
  for (const code of ['Quota-RDS', 'x', 'new', '']) {
    t.equal((await marc.post('/admin/change-catalog/items/new', await itemFields(db, { code }))).statusCode, 422, code)
  }
  const noCategory = await marc.post('/admin/change-catalog/items/new', await itemFields(db, { category: '9999' }))
  t.equal(noCategory.statusCode, 422)
  t.match(noCategory.body, 'Choisissez une catégorie')
  t.same([await countRows(db, 'change_items'), await countRows(db, 'audit_log')], before)
})

t.test('an item’s code and category can’t be changed by its edit form', async (t) => {
  const { app, db } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  await marc.get('/admin/change-catalog/items/restore')
  const saved = (await item(db, 'restore'))!
  const response = await marc.post('/admin/change-catalog/items/restore', await editFields(db, 'restore', { code: 'renamed', category: String(await categoryId(db, 'quotas')) }))
  t.equal(response.statusCode, 303)
  t.match(await item(db, 'restore'), { code: 'restore', category_id: saved.category_id })
  t.equal(await item(db, 'renamed'), undefined)
})

t.test('the support-level downgrade item is shown read-only with why, and saving it is refused with 403', async (t) => {
  const { app, db } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  const page = await marc.get('/admin/change-catalog/items/support_level_downgrade')
  t.equal(page.statusCode, 200)
  t.match(page.body, 'L’élément propre au portail')
  t.notMatch(page.body, 'name="fields_json"', 'no form')
  await marc.get('/admin/change-catalog/items/restore')
  const saved = (await item(db, 'support_level_downgrade'))!
  const refused = await marc.post('/admin/change-catalog/items/support_level_downgrade', await editFields(db, 'support_level_downgrade', { active: 'yes' }))
  t.equal(refused.statusCode, 403)
  t.same(await item(db, 'support_level_downgrade'), saved)
})

t.test('an unknown or malformed item code is a 404', async (t) => {
  const { app } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  for (const code of ['nope', 'QUOTA_ECS', 'quota%25', 'a'.repeat(65)]) {
    t.equal((await marc.get(`/admin/change-catalog/items/${code}`)).statusCode, 404, code)
  }
})
