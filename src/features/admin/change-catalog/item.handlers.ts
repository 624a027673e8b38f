// A change item: create (in a category chosen then) and edit. The code never
// changes: every change request keeps it (requests.item_code) and customers'
// links name it. A code another item holds is refused next to it; the check
// and the insert share one transaction.
import type { FastifyReply, FastifyRequest } from 'fastify'
import { writeAudit } from '../../../audit/audit.js'
import type { ChangeItemRow } from '../../../db/change-catalog.table.js'
import type { Executor } from '../../../db/database.js'
import { parseFieldDefinitions } from '../../../lib/field-definitions.js'
import { actorOf } from '../companies/params.js'
import { saveEdit } from '../catalog/audited-edit.js'
import { lockCatalogCodes } from '../catalog/admin-catalog.queries.js'
import { insertItem, itemCodeTaken, listCategoryChoices, nextItemPosition, updateItem } from './change-catalog.queries.js'
import { checkItemForm } from './item.checks.js'
import { emptyItemForm, itemFormOf, readItemForm, type ItemColumns, type ItemForm } from './item.form.js'
import { renderItemForm } from './item.page.js'
import { itemOfParam, refuseIfPortalOwned } from './params.js'

// GET /admin/change-catalog/items/new
export async function newItemPage(request: FastifyRequest, reply: FastifyReply) {
  return renderItemForm(request, reply, { values: emptyItemForm() })
}

// POST /admin/change-catalog/items/new
export async function createItem(request: FastifyRequest, reply: FastifyReply) {
  const db = request.server.db
  const form = readItemForm(request.body)
  const categoryId = await chosenCategory(db, form)
  const checked = checkItemForm(form, { isNew: true, categoryId, nextPosition: categoryId === undefined ? 0 : await nextItemPosition(db, categoryId) })
  if ('errors' in checked) return renderItemForm(request, reply, { values: form, errors: checked.errors }, 422)
  const actor = actorOf(request)
  const id = await db.transaction().execute(async (trx) => {
    await lockCatalogCodes(trx)
    if (await itemCodeTaken(trx, form.code)) return undefined
    const id = await insertItem(trx, form.code, checked.columns)
    await writeAudit(trx, { action: 'admin.change_catalog.item_created', actorUserId: actor.userId, ip: actor.ip, details: { id, code: form.code, ...checked.columns } })
    return id
  })
  if (id === undefined) return renderItemForm(request, reply, { values: form, errors: { code: { key: 'admin.catalog.error.code_taken', params: { code: form.code } } } }, 422)
  reply.flash('success', 'admin.change_catalog.item_created', { code: form.code })
  return reply.redirect(`/admin/change-catalog/items/${form.code}`, 303)
}

// GET /admin/change-catalog/items/:code
export async function itemPage(request: FastifyRequest, reply: FastifyReply) {
  const item = await itemOfParam(request)
  return renderItemForm(request, reply, { item, values: itemFormOf(item) })
}

// POST /admin/change-catalog/items/:code: the code and the category stay as saved.
export async function saveItem(request: FastifyRequest, reply: FastifyReply) {
  const item = await itemOfParam(request)
  refuseIfPortalOwned(item)
  const form: ItemForm = { ...readItemForm(request.body), code: item.code, category: String(item.category_id) }
  const checked = checkItemForm(form, { isNew: false, categoryId: item.category_id, nextPosition: item.position })
  if ('errors' in checked) return renderItemForm(request, reply, { item, values: form, errors: checked.errors }, 422)
  const actor = actorOf(request)
  await request.server.db.transaction().execute((trx) => saveEdit(trx, {
    action: 'admin.change_catalog.item_updated', actor, saved: item, columns: withSavedDefinitionsKept(item, checked.columns),
    names: { id: item.id, code: item.code }, write: (changed) => updateItem(trx, item.id, changed),
  }))
  reply.flash('success', 'admin.change_catalog.item_saved', { code: item.code })
  return reply.redirect(`/admin/change-catalog/items/${item.code}`, 303)
}

/** The category picked on the new form, if it is one that exists. */
async function chosenCategory(db: Executor, form: ItemForm): Promise<number | undefined> {
  if (!/^[0-9]{1,9}$/.test(form.category)) return undefined
  const id = Number(form.category)
  return (await listCategoryChoices(db)).some((category) => category.id === id) ? id : undefined
}

/** The definitions are stored as parsed: when they say what the saved ones say,
 * the saved text is kept, so that key order alone (the seeded data's) is not a
 * change to audit. */
function withSavedDefinitionsKept(item: ChangeItemRow, columns: ItemColumns): ItemColumns {
  const saved = JSON.stringify(parseFieldDefinitions(item.fields_json))
  return saved === columns.fields_json ? { ...columns, fields_json: item.fields_json } : columns
}
