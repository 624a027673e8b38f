// Checking a change item form: each field's message, and the columns to write.
// The field definitions go through parseFieldDefinitions, whose message (the
// first fault) is shown next to the text area: a bad definition is caught
// here, never on a customer's form.
import type { FieldError, FieldErrors } from '../../../lib/forms.js'
import type { FieldDefinition } from '../../../lib/field-definitions.js'
import { checkDefinitions } from '../catalog/definitions.check.js'
import { checkPosition, collect, textError } from '../catalog/form-values.js'
import { FIELDS_JSON_MAX, ITEM_TEXT_MAX, type ItemColumns, type ItemForm } from './item.form.js'

/** The codes of the seeded items (quota_ecs, dc_route): lower case, digits, `_`; the customers' `item` is at most 64 characters. */
export const ITEM_CODE = /^[a-z][a-z0-9_]{1,63}$/

const REQUIRED = {
  name_en: 'admin.catalog.error.name_en_required', name_fr: 'admin.catalog.error.name_fr_required',
  description_en: 'admin.change_catalog.error.description_en_required', description_fr: 'admin.change_catalog.error.description_fr_required',
} as const

export type ItemCheck = { columns: ItemColumns } | { errors: FieldErrors }

/** `categoryId`: the item's category (the one chosen on the new form, checked by the caller), or undefined when the choice is none. */
export function checkItemForm(form: ItemForm, context: { isNew: boolean; categoryId: number | undefined; nextPosition: number }): ItemCheck {
  const errors: FieldErrors = {}
  if (context.isNew) collect(errors, { code: codeError(form.code) })
  if (context.categoryId === undefined) errors.category = 'admin.change_catalog.error.category'
  for (const [name, required] of Object.entries(REQUIRED) as Array<[keyof typeof REQUIRED, FieldError]>) {
    collect(errors, { [name]: textError(form[name], ITEM_TEXT_MAX[name], required) })
  }
  const definitions = checkDefinitions(form.fields_json, FIELDS_JSON_MAX, errors)
  const position = checkPosition(form.position, context.nextPosition, errors)
  if (Object.keys(errors).length > 0 || !definitions || context.categoryId === undefined) return { errors }
  return {
    columns: {
      category_id: context.categoryId, name_en: form.name_en, name_fr: form.name_fr, description_en: form.description_en, description_fr: form.description_fr,
      fields_json: JSON.stringify(definitions), offers: form.offers.length === 0 ? null : form.offers.join(','), active: form.active ? 1 : 0, position,
    },
  }
}

function codeError(code: string): FieldError | undefined {
  if (code === '') return 'admin.catalog.error.code_required'
  if (!ITEM_CODE.test(code)) return 'admin.change_catalog.error.item_code'
  // /admin/change-catalog/items/new is the creation form: an item called so could not be opened.
  return code === 'new' ? 'admin.catalog.error.code_reserved' : undefined
}

