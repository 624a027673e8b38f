// The category form (create and edit): a code for the URLs and the demo data,
// its name in both languages, its place in the catalog.
import { cleanText, field, type FieldErrors } from '../../../lib/forms.js'
import type { CatalogCategory } from '../../../db/catalog.table.js'
import { checkPosition, collect, textError } from './form-values.js'

export interface CategoryForm {
  code: string
  name_en: string
  name_fr: string
  position: string
}

/** The row's columns the form writes: all but the id. */
export type CategoryColumns = Omit<CatalogCategory, 'id'>

const CODE = /^[a-z0-9-]{1,40}$/
export const CATEGORY_NAME_MAX = 100

export function readCategoryForm(body: unknown): CategoryForm {
  return {
    code: cleanText(field(body, 'code')), name_en: cleanText(field(body, 'name_en')),
    name_fr: cleanText(field(body, 'name_fr')), position: cleanText(field(body, 'position')),
  }
}

export function categoryFormOf(category: CatalogCategory): CategoryForm {
  return { code: category.code, name_en: category.name_en, name_fr: category.name_fr, position: String(category.position) }
}

/** The columns to write, or the message of each wrong field. */
export function checkCategoryForm(form: CategoryForm, nextPosition: number): { columns: CategoryColumns } | { errors: FieldErrors } {
  const errors: FieldErrors = {}
  collect(errors, {
    code: form.code === '' ? 'admin.catalog.error.code_required' : CODE.test(form.code) ? undefined : 'admin.catalog.error.category_code',
    name_en: textError(form.name_en, CATEGORY_NAME_MAX, 'admin.catalog.error.name_en_required'),
    name_fr: textError(form.name_fr, CATEGORY_NAME_MAX, 'admin.catalog.error.name_fr_required'),
  })
  const position = checkPosition(form.position, nextPosition, errors)
  if (Object.keys(errors).length > 0) return { errors }
  return { columns: { code: form.code, name_en: form.name_en, name_fr: form.name_fr, position } }
}
