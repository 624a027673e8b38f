// A category of the catalog: create and edit. A code another category holds is
// refused next to the code; the check and the write share one transaction.
//
// The category, subscription offer and service handlers keep the app's handler
// shape (read, check, 422 or one transaction, flash, 303) side by side rather
// than one generic "edit page": what they share beyond that shape (an edit
// writes and audits only what changed) is audited-edit.ts; the rest differs in
// small ways a generic would only hide behind options (a code unique within
// the transaction here, nothing unique for an offer, each form's page data,
// redirect and flash).
import type { FastifyReply, FastifyRequest } from 'fastify'
import { writeAudit } from '../../../audit/audit.js'
import type { CatalogCategory } from '../../../db/catalog.table.js'
import type { FieldErrors } from '../../../lib/forms.js'
import { actorOf } from '../companies/params.js'
import { categoryCodeTaken, insertCategory, lockCatalogCodes, nextPosition, updateCategory } from './admin-catalog.queries.js'
import { categoryFormOf, checkCategoryForm, readCategoryForm, type CategoryForm } from './category.form.js'
import { categoryOfParam } from './params.js'
import { saveEdit } from './audited-edit.js'

// GET /admin/catalog/categories/new
export async function newCategoryPage(_request: FastifyRequest, reply: FastifyReply) {
  return renderForm(reply, { values: { code: '', name_en: '', name_fr: '', position: '' } })
}

// POST /admin/catalog/categories/new
export async function createCategory(request: FastifyRequest, reply: FastifyReply) {
  const db = request.server.db
  const form = readCategoryForm(request.body)
  const checked = checkCategoryForm(form, await nextPosition(db, 'catalog_categories'))
  if ('errors' in checked) return renderForm(reply, { values: form, errors: checked.errors }, 422)
  const actor = actorOf(request)
  const id = await db.transaction().execute(async (trx) => {
    await lockCatalogCodes(trx)
    if (await categoryCodeTaken(trx, checked.columns.code)) return undefined
    const id = await insertCategory(trx, checked.columns)
    await writeAudit(trx, { action: 'admin.catalog.category_created', actorUserId: actor.userId, ip: actor.ip, details: { id, ...checked.columns } })
    return id
  })
  if (id === undefined) return renderForm(reply, { values: form, errors: codeTaken(form.code) }, 422)
  reply.flash('success', 'admin.catalog.category_created', { code: form.code })
  return reply.redirect('/admin/catalog', 303)
}

// GET /admin/catalog/categories/:id
export async function categoryPage(request: FastifyRequest, reply: FastifyReply) {
  const category = await categoryOfParam(request)
  return renderForm(reply, { category, values: categoryFormOf(category) })
}

// POST /admin/catalog/categories/:id
export async function saveCategory(request: FastifyRequest, reply: FastifyReply) {
  const category = await categoryOfParam(request)
  const form = readCategoryForm(request.body)
  const checked = checkCategoryForm(form, category.position)
  if ('errors' in checked) return renderForm(reply, { category, values: form, errors: checked.errors }, 422)
  const actor = actorOf(request)
  const saved = await request.server.db.transaction().execute(async (trx) => {
    await lockCatalogCodes(trx)
    if (await categoryCodeTaken(trx, checked.columns.code, category.id)) return false
    await saveEdit(trx, {
      action: 'admin.catalog.category_updated', actor, saved: category, columns: checked.columns, names: { id: category.id },
      write: (changed) => updateCategory(trx, category.id, changed),
    })
    return true
  })
  if (!saved) return renderForm(reply, { category, values: form, errors: codeTaken(form.code) }, 422)
  reply.flash('success', 'admin.catalog.category_saved', { code: form.code })
  return reply.redirect('/admin/catalog', 303)
}

function codeTaken(code: string): FieldErrors {
  return { code: { key: 'admin.catalog.error.code_taken', params: { code } } }
}

/** The same form creates (no `category`) and edits. */
function renderForm(reply: FastifyReply, data: { category?: CatalogCategory; values: CategoryForm; errors?: FieldErrors }, status = 200) {
  return reply.code(status).render('admin/catalog/category-form', { category: undefined, errors: {}, ...data })
}
