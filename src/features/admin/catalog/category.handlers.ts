// A category of the catalog: create and edit. A code another category holds is
// refused next to the code; the check and the write share one transaction.
import type { FastifyReply, FastifyRequest } from 'fastify'
import { writeAudit } from '../../../audit/audit.js'
import type { CatalogCategory } from '../../../db/catalog.table.js'
import type { FieldErrors } from '../../../lib/forms.js'
import { actorOf } from '../companies/params.js'
import { changedFields } from '../companies/diff.js'
import { categoryCodeTaken, insertCategory, nextPosition, updateCategory } from './admin-catalog.queries.js'
import { categoryFormOf, checkCategoryForm, readCategoryForm, type CategoryForm } from './category.form.js'
import { categoryOfParam } from './params.js'

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
    if (await categoryCodeTaken(trx, checked.columns.code, category.id)) return false
    const diff = changedFields(category, checked.columns)
    if (diff.changed.length === 0) return true
    await updateCategory(trx, category.id, checked.columns)
    await writeAudit(trx, { action: 'admin.catalog.category_updated', actorUserId: actor.userId, ip: actor.ip, details: { id: category.id, before: diff.before, after: diff.after } })
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
