// What the item form's page shows besides the form: the categories to choose
// from (new item) or the item's category, the offers as boxes, the
// definitions' format, and on the edit page the saved definitions previewed as
// the customer's form. The portal's own item is shown read-only.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { ChangeItemRow } from '../../../db/change-catalog.table.js'
import { OFFERS } from '../../../db/contracts.table.js'
import { forDisplay, parseFieldDefinitions, type FieldDefinition } from '../../../lib/field-definitions.js'
import type { FieldErrors } from '../../../lib/forms.js'
import { listCategoryChoices } from './change-catalog.queries.js'
import { FIELDS_JSON_MAX, ITEM_TEXT_MAX, type ItemForm } from './item.form.js'
import { portalOwned } from './params.js'

export interface ItemPageData {
  item?: ChangeItemRow
  values: ItemForm
  errors?: FieldErrors
}

export async function renderItemForm(request: FastifyRequest, reply: FastifyReply, data: ItemPageData, status = 200) {
  const categories = await listCategoryChoices(request.server.db)
  return reply.code(status).render('admin/change-catalog/item-form', {
    item: undefined, errors: {}, ...data, categories, offers: OFFERS, textMax: ITEM_TEXT_MAX, jsonMax: FIELDS_JSON_MAX,
    category: data.item ? categories.find((one) => one.id === data.item!.category_id) : undefined,
    portalOwned: data.item ? portalOwned(data.item) : false,
    preview: data.item ? previewOf(data.item) : [],
  })
}

/** The saved definitions as the customer form shows them, their ids prefixed so
 * that none collides with a field of the staff form on the same page. */
function previewOf(item: ChangeItemRow): FieldDefinition[] {
  return forDisplay(parseFieldDefinitions(item.fields_json)).map((definition) => ({ ...definition, name: `preview-${definition.name}` }))
}
