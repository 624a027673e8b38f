// The change catalog as a contract sees it: the active items whose offers
// include the contract's (or that apply to every offer), with their catalog
// and category, in the catalog's order.
import type { Executor } from '../../../db/database.js'
import type { Offer } from '../../../db/contracts.table.js'
import type { ChangeItemRow } from '../../../db/change-catalog.table.js'

export interface CatalogEntry {
  catalog: { code: string; name_en: string; name_fr: string }
  category: { code: string; name_en: string; name_fr: string }
  item: ChangeItemRow
}

/** Does the item's comma-separated offer list (null: every offer) include this offer? */
export function appliesTo(item: Pick<ChangeItemRow, 'offers'>, offer: Offer): boolean {
  return item.offers === null || item.offers.split(',').map((one) => one.trim()).includes(offer)
}

function entries(db: Executor) {
  return db.selectFrom('change_items')
    .innerJoin('change_categories', 'change_categories.id', 'change_items.category_id')
    .innerJoin('change_catalogs', 'change_catalogs.id', 'change_categories.catalog_id')
    .selectAll('change_items')
    .select([
      'change_catalogs.code as catalog_code', 'change_catalogs.name_en as catalog_name_en', 'change_catalogs.name_fr as catalog_name_fr',
      'change_categories.code as category_code', 'change_categories.name_en as category_name_en', 'change_categories.name_fr as category_name_fr',
    ])
    .where('change_items.active', '=', 1)
}

type EntryRow = Awaited<ReturnType<ReturnType<typeof entries>['execute']>>[number]

function toEntry(row: EntryRow): CatalogEntry {
  const { catalog_code, catalog_name_en, catalog_name_fr, category_code, category_name_en, category_name_fr, ...item } = row
  return {
    catalog: { code: catalog_code, name_en: catalog_name_en, name_fr: catalog_name_fr },
    category: { code: category_code, name_en: category_name_en, name_fr: category_name_fr },
    item,
  }
}

/** Every active item offered on this offer, in catalog, category and item order. */
export async function listChangeItems(db: Executor, offer: Offer): Promise<CatalogEntry[]> {
  const rows = await entries(db)
    .orderBy('change_catalogs.position').orderBy('change_categories.position').orderBy('change_items.position').orderBy('change_items.id')
    .execute()
  return rows.filter((row) => appliesTo(row, offer)).map(toEntry)
}

/** The active item with this code offered on this offer; undefined otherwise (the caller answers 404). */
export async function findChangeItem(db: Executor, offer: Offer, code: string): Promise<CatalogEntry | undefined> {
  if (code.length === 0 || code.length > 64) return undefined
  const row = await entries(db).where('change_items.code', '=', code).executeTakeFirst()
  return row && appliesTo(row, offer) ? toEntry(row) : undefined
}

/** The entries grouped for the page: catalogs, each with its categories, each with its items. */
export function groupCatalog(list: CatalogEntry[]) {
  const catalogs: Array<CatalogEntry['catalog'] & { categories: Array<CatalogEntry['category'] & { items: ChangeItemRow[] }> }> = []
  for (const { catalog, category, item } of list) {
    let inCatalog = catalogs.find((one) => one.code === catalog.code)
    if (!inCatalog) catalogs.push(inCatalog = { ...catalog, categories: [] })
    let inCategory = inCatalog.categories.find((one) => one.code === category.code)
    if (!inCategory) inCatalog.categories.push(inCategory = { ...category, items: [] })
    inCategory.items.push(item)
  }
  return catalogs
}
