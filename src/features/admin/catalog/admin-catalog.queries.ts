// The catalog as staff manage it: every service and subscription offer, active
// or not (customers' queries are in src/features/catalog/; the categories, the
// same for both, are listed there: browse.queries.ts), the orders each service
// has had, and the writes of the three forms.
import type { Executor } from '../../../db/database.js'
import { serializeSection } from '../../../db/portable.js'
import type { CatalogService, SubscriptionOffer } from '../../../db/catalog.table.js'
import type { CategoryColumns } from './category.form.js'
import type { ServiceColumns } from './service.form.js'
import type { OfferColumns } from './offer.form.js'

export function listServices(db: Executor): Promise<CatalogService[]> {
  return db.selectFrom('catalog_services').selectAll().orderBy('position').orderBy('id').execute()
}

export function listSubscriptionOffers(db: Executor): Promise<SubscriptionOffer[]> {
  return db.selectFrom('subscription_offers').selectAll().orderBy('kind').orderBy('position').orderBy('id').execute()
}

/** How many orders each service has had, by service id (a service never ordered is absent).
 * SQLite reads the covering index orders_service only (EXPLAIN QUERY PLAN:
 * "SCAN orders USING COVERING INDEX orders_service"), never the order rows. */
export async function orderCountsByService(db: Executor): Promise<Map<number, number>> {
  const rows = await db.selectFrom('orders').select(['service_id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('service_id').execute()
  return new Map(rows.map((row) => [row.service_id, Number(row.n)]))
}

/** How many orders one service has had (a SEARCH of the covering index orders_service). */
export async function orderCountOf(db: Executor, serviceId: number): Promise<number> {
  const row = await db.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n')).where('service_id', '=', serviceId).executeTakeFirst()
  return Number(row?.n ?? 0)
}

export function findCategory(db: Executor, id: number) {
  return db.selectFrom('catalog_categories').selectAll().where('id', '=', id).executeTakeFirst()
}

export function findServiceByCode(db: Executor, code: string) {
  return db.selectFrom('catalog_services').selectAll().where('code', '=', code).executeTakeFirst()
}

export function findSubscriptionOffer(db: Executor, id: number) {
  return db.selectFrom('subscription_offers').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Until the saving transaction ends, no other one may check or take a category or service code. */
export function lockCatalogCodes(trx: Executor): Promise<void> {
  return serializeSection(trx, 'catalog-codes')
}

/** Another category already holding this code (codes are compared as typed: the form only accepts lower case). */
export async function categoryCodeTaken(db: Executor, code: string, exceptId?: number): Promise<boolean> {
  const row = await db.selectFrom('catalog_categories').select('id').where('code', '=', code).executeTakeFirst()
  return row !== undefined && row.id !== exceptId
}

export async function serviceCodeTaken(db: Executor, code: string): Promise<boolean> {
  return (await findServiceByCode(db, code)) !== undefined
}

/** The next position at the end of a list: new entries come last unless staff say otherwise. */
export async function nextPosition(db: Executor, table: 'catalog_categories' | 'catalog_services' | 'subscription_offers'): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.max<number>('position').as('last')).executeTakeFirst()
  return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1
}

export async function insertCategory(trx: Executor, columns: CategoryColumns): Promise<number> {
  return (await trx.insertInto('catalog_categories').values(columns).returning('id').executeTakeFirstOrThrow()).id
}

/** Writes the changed columns only (the edit's diff); so do the next two. */
export async function updateCategory(trx: Executor, id: number, columns: Partial<CategoryColumns>): Promise<void> {
  await trx.updateTable('catalog_categories').set(columns).where('id', '=', id).execute()
}

export async function insertService(trx: Executor, code: string, columns: ServiceColumns, now: Date): Promise<number> {
  const at = now.toISOString()
  return (await trx.insertInto('catalog_services').values({ ...columns, code, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow()).id
}

export async function updateService(trx: Executor, id: number, columns: Partial<ServiceColumns>, now: Date): Promise<void> {
  await trx.updateTable('catalog_services').set({ ...columns, updated_at: now.toISOString() }).where('id', '=', id).execute()
}

export async function insertSubscriptionOffer(trx: Executor, columns: OfferColumns): Promise<number> {
  return (await trx.insertInto('subscription_offers').values(columns).returning('id').executeTakeFirstOrThrow()).id
}

export async function updateSubscriptionOffer(trx: Executor, id: number, columns: Partial<OfferColumns>): Promise<void> {
  await trx.updateTable('subscription_offers').set(columns).where('id', '=', id).execute()
}
