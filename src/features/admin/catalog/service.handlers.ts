// A service of the catalog: create and edit (the code is set once, see
// catalog.routes.ts). A code another service holds is refused next to it; the
// check and the insert share one transaction.
import type { FastifyReply, FastifyRequest } from 'fastify'
import { writeAudit } from '../../../audit/audit.js'
import type { Executor } from '../../../db/database.js'
import type { FieldErrors } from '../../../lib/forms.js'
import { parseFieldDefinitions } from '../../../lib/field-definitions.js'
import type { CatalogService } from '../../../db/catalog.table.js'
import { actorOf } from '../companies/params.js'
import { listCategories } from '../../catalog/browse.queries.js'
import { insertService, lockCatalogCodes, nextPosition, serviceCodeTaken, updateService } from './admin-catalog.queries.js'
import { checkServiceForm } from './service.checks.js'
import { emptyServiceForm, readServiceForm, serviceFormOf, type ServiceColumns } from './service.form.js'
import { renderServiceForm } from './service.page.js'
import { serviceOfParam } from './params.js'
import { saveEdit } from './audited-edit.js'

async function checkContext(db: Executor, isNew: boolean, position?: number) {
  const categories = await listCategories(db)
  return { isNew, categoryIds: categories.map((category) => category.id), nextPosition: position ?? await nextPosition(db, 'catalog_services') }
}

// GET /admin/catalog/services/new
export async function newServicePage(request: FastifyRequest, reply: FastifyReply) {
  return renderServiceForm(request, reply, { values: emptyServiceForm() })
}

// POST /admin/catalog/services/new
export async function createService(request: FastifyRequest, reply: FastifyReply) {
  const db = request.server.db
  const form = readServiceForm(request.body)
  const checked = checkServiceForm(form, await checkContext(db, true))
  if ('errors' in checked) return renderServiceForm(request, reply, { values: form, errors: checked.errors }, 422)
  const actor = actorOf(request)
  const id = await db.transaction().execute(async (trx) => {
    await lockCatalogCodes(trx)
    if (await serviceCodeTaken(trx, form.code)) return undefined
    const id = await insertService(trx, form.code, checked.columns, new Date())
    await writeAudit(trx, { action: 'admin.catalog.service_created', actorUserId: actor.userId, ip: actor.ip, details: { id, code: form.code, ...checked.columns } })
    return id
  })
  if (id === undefined) return renderServiceForm(request, reply, { values: form, errors: codeTaken(form.code) }, 422)
  reply.flash('success', 'admin.catalog.service_created', { code: form.code })
  return reply.redirect(`/admin/catalog/services/${form.code}`, 303)
}

// GET /admin/catalog/services/:code
export async function servicePage(request: FastifyRequest, reply: FastifyReply) {
  const service = await serviceOfParam(request)
  return renderServiceForm(request, reply, { service, values: serviceFormOf(service, request.i18n.locale) })
}

// POST /admin/catalog/services/:code
export async function saveService(request: FastifyRequest, reply: FastifyReply) {
  const service = await serviceOfParam(request)
  const form = { ...readServiceForm(request.body), code: service.code }
  const checked = checkServiceForm(form, await checkContext(request.server.db, false, service.position))
  if ('errors' in checked) return renderServiceForm(request, reply, { service, values: form, errors: checked.errors }, 422)
  const actor = actorOf(request)
  await request.server.db.transaction().execute((trx) => saveEdit(trx, {
    action: 'admin.catalog.service_updated', actor, saved: service, columns: withSavedDefinitionsKept(service, checked.columns),
    names: { id: service.id, code: service.code }, write: (changed) => updateService(trx, service.id, changed, new Date()),
  }))
  reply.flash('success', 'admin.catalog.service_saved', { code: service.code })
  return reply.redirect(`/admin/catalog/services/${service.code}`, 303)
}

/** The definitions are stored as parsed (their keys in the parser's order): when
 * they say what the saved ones say, the saved text is kept, so that key order
 * alone (the demo data's, say) is not a change to audit. */
function withSavedDefinitionsKept(service: CatalogService, columns: ServiceColumns): ServiceColumns {
  const saved = JSON.stringify(parseFieldDefinitions(service.fields_json))
  return saved === columns.fields_json ? { ...columns, fields_json: service.fields_json } : columns
}

function codeTaken(code: string): FieldErrors {
  return { code: { key: 'admin.catalog.error.code_taken', params: { code } } }
}
