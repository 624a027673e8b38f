import type { Generated, Selectable } from 'kysely'

/** The change catalog: catalog → category → item (spec 003). */
export interface ChangeCatalogsTable {
  id: Generated<number>
  code: string
  name_en: string
  name_fr: string
  position: number
}

export interface ChangeCategoriesTable {
  id: Generated<number>
  catalog_id: number
  code: string
  name_en: string
  name_fr: string
  position: number
}

export interface ChangeItemsTable {
  id: Generated<number>
  category_id: number
  code: string
  name_en: string
  name_fr: string
  description_en: string
  description_fr: string
  /** A JSON array of field definitions (src/lib/field-definitions.ts). */
  fields_json: string
  /** Comma-separated offers it applies to; null: every offer. */
  offers: string | null
  active: Generated<number>
  position: number
}

export type ChangeItemRow = Selectable<ChangeItemsTable>
