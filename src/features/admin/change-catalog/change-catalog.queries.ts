// The change catalog as staff manage it: every catalog, category and item,
// inactive items too (the customers' queries are
// src/features/requests/new/change-catalog.queries.ts), and the item writes.
// No count of the requests each item had: requests.item_code has no index,
// and counting them would read every request on each visit of the page.
import type { Executor } from '../../../db/database.js'
import type { ChangeItemRow } from '../../../db/change-catalog.table.js'
import type { ItemColumns } from './item.form.js'

export interface CategoryChoice {
  id: number
  catalog_id: number
  code: string
  name_en: string
  name_fr: string
  catalog_name_en: string
  catalog_name_fr: string
}

export function listCatalogs(db: Executor) {
  return db.selectFrom('change_catalogs').selectAll().orderBy('position').orderBy('id').execute()
}

/** Every category with its catalog's names, in catalog then category order (the new-item form's choices). */
export function listCategoryChoices(db: Executor): Promise<CategoryChoice[]> {
  return db.selectFrom('change_categories')
    .innerJoin('change_catalogs', 'change_catalogs.id', 'change_categories.catalog_id')
    .select(['change_categories.id', 'change_categories.code', 'change_categories.name_en', 'change_categories.name_fr', 'change_categories.catalog_id',
      'change_catalogs.name_en as catalog_name_en', 'change_catalogs.name_fr as catalog_name_fr'])
    .orderBy('change_catalogs.position').orderBy('change_catalogs.id').orderBy('change_categories.position').orderBy('change_categories.id')
    .execute()
}

export function listItems(db: Executor): Promise<ChangeItemRow[]> {
  return db.selectFrom('change_items').selectAll().orderBy('position').orderBy('id').execute()
}

export function findItemByCode(db: Executor, code: string): Promise<ChangeItemRow | undefined> {
  return db.selectFrom('change_items').selectAll().where('code', '=', code).executeTakeFirst()
}

export async function itemCodeTaken(db: Executor, code: string): Promise<boolean> {
  return (await findItemByCode(db, code)) !== undefined
}

/** After the last item of the category: a new item comes last unless staff say otherwise. */
export async function nextItemPosition(db: Executor, categoryId: number): Promise<number> {
  const row = await db.selectFrom('change_items').select((eb) => eb.fn.max<number>('position').as('last')).where('category_id', '=', categoryId).executeTakeFirst()
  return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1
}

export async function insertItem(trx: Executor, code: string, columns: ItemColumns): Promise<number> {
  return (await trx.insertInto('change_items').values({ ...columns, code }).returning('id').executeTakeFirstOrThrow()).id
}

/** Writes the changed columns only (the edit's diff, audited-edit.ts). */
export async function updateItem(trx: Executor, id: number, columns: Partial<ItemColumns>): Promise<void> {
  await trx.updateTable('change_items').set(columns).where('id', '=', id).execute()
}
