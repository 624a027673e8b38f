// The change item form (create and edit): its names and descriptions in both
// languages, the offers it applies to, whether customers may choose it, its
// place, and its own form as field definitions (JSON).
import { cleanMultiline, cleanText, field } from '../../../lib/forms.js'
import { OFFERS } from '../../../db/contracts.table.js'
import type { ChangeItemRow } from '../../../db/change-catalog.table.js'
import { ticked } from '../catalog/form-values.js'
import { listOf } from '../catalog/service.form.js'

export const ITEM_TEXTS = ['name_en', 'name_fr', 'description_en', 'description_fr'] as const
export type ItemText = (typeof ITEM_TEXTS)[number]

/** Longest accepted value of each text (the inputs' maxlength too). */
export const ITEM_TEXT_MAX: Record<ItemText, number> = { name_en: 200, name_fr: 200, description_en: 2000, description_fr: 2000 }
/** The definitions' JSON: the same room as a catalog service's order form. */
export { FIELDS_JSON_MAX } from '../catalog/service.form.js'

export interface ItemForm extends Record<ItemText, string> {
  /** Typed on the new-item form only: requests keep it, so it never changes. */
  code: string
  /** Chosen on the new-item form only. */
  category: string
  /** The offers ticked; none: every offer. */
  offers: string[]
  active: boolean
  position: string
  fields_json: string
}

/** The row's columns the form writes: all but the id and the code (set once, at creation). */
export type ItemColumns = Omit<ChangeItemRow, 'id' | 'code'>

export function readItemForm(body: unknown): ItemForm {
  return {
    name_en: cleanText(field(body, 'name_en')), name_fr: cleanText(field(body, 'name_fr')),
    description_en: cleanMultiline(field(body, 'description_en')), description_fr: cleanMultiline(field(body, 'description_fr')),
    code: cleanText(field(body, 'code')), category: cleanText(field(body, 'category')),
    offers: OFFERS.filter((offer) => ticked(body, `offer_${offer}`)), active: ticked(body, 'active'),
    position: cleanText(field(body, 'position')), fields_json: cleanMultiline(field(body, 'fields_json')),
  }
}

export function emptyItemForm(): ItemForm {
  return { name_en: '', name_fr: '', description_en: '', description_fr: '', code: '', category: '', offers: [], active: true, position: '', fields_json: '[]' }
}

/** The saved item as its edit form shows it: definitions indented. */
export function itemFormOf(item: ChangeItemRow): ItemForm {
  return {
    name_en: item.name_en, name_fr: item.name_fr, description_en: item.description_en, description_fr: item.description_fr,
    code: item.code, category: String(item.category_id), offers: listOf(item.offers), active: item.active === 1,
    position: String(item.position), fields_json: JSON.stringify(JSON.parse(item.fields_json), null, 2),
  }
}
