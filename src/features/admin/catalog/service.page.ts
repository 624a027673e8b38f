// What the service form's page shows besides the form: the categories to
// choose from, the offers, effects and kinds as choices, and on the edit page
// the saved definitions previewed as the customer's order form.
import type { FastifyReply, FastifyRequest } from 'fastify'
import { ORDER_EFFECTS, PRICE_PERIODS, PRICINGS, type CatalogService } from '../../../db/catalog.table.js'
import { OFFERS } from '../../../db/contracts.table.js'
import { SUBSCRIPTION_KINDS } from '../../../db/subscriptions.table.js'
import { forDisplay, parseFieldDefinitions, type FieldDefinition } from '../../../lib/field-definitions.js'
import type { FieldErrors } from '../../../lib/forms.js'
import { listCategories } from '../../catalog/browse.queries.js'
import { orderCountOf } from './admin-catalog.queries.js'
import { FIELDS_NEEDED } from './effect-fields.js'
import { FIELDS_JSON_MAX, SERVICE_TEXT_MAX, type ServiceForm } from './service.form.js'

export interface ServicePageData {
  service?: CatalogService
  values: ServiceForm
  errors?: FieldErrors
}

export async function renderServiceForm(request: FastifyRequest, reply: FastifyReply, data: ServicePageData, status = 200) {
  const db = request.server.db
  const [categories, orders] = await Promise.all([listCategories(db), data.service ? orderCountOf(db, data.service.id) : 0])
  return reply.code(status).render('admin/catalog/service-form', {
    service: undefined, errors: {}, ...data, categories, offers: OFFERS, pricings: PRICINGS, periods: PRICE_PERIODS, effects: ORDER_EFFECTS,
    kinds: SUBSCRIPTION_KINDS, textMax: SERVICE_TEXT_MAX, jsonMax: FIELDS_JSON_MAX, fieldsNeeded: FIELDS_NEEDED,
    orders,
    preview: data.service ? previewOf(data.service) : [],
  })
}

/** The saved definitions as the customer form shows them, their ids prefixed so
 * that none collides with a field of the staff form on the same page. */
function previewOf(service: CatalogService): FieldDefinition[] {
  return forDisplay(parseFieldDefinitions(service.fields_json)).map((definition) => ({ ...definition, name: `preview-${definition.name}` }))
}
