// What the catalog pages read besides the services themselves
// (catalog.queries.ts): the categories, the subscriptions on offer for the
// reservation services, and the account manager a refusal points to.
import type { Executor } from '../../db/database.js'
import type { CatalogCategory, SubscriptionOffer } from '../../db/catalog.table.js'
import type { SubscriptionKind } from '../../db/subscriptions.table.js'

// A reservation service's kinds are read one way only, the reservation steps'
// (known kinds, in the catalog's order): the "More information" page and the
// "From …" price then list exactly what the order form offers.
export { kindsOf } from './reservation/offers.queries.js'

/** Every category, in the catalog's order: the catalog's filter and the back-office's lists alike. */
export async function listCategories(db: Executor): Promise<CatalogCategory[]> {
  return db.selectFrom('catalog_categories').selectAll().orderBy('position').orderBy('id').execute()
}

/** The active subscriptions on offer of these kinds, as the "More information" page lists them. */
export async function listActiveOffers(db: Executor, kinds: SubscriptionKind[]): Promise<SubscriptionOffer[]> {
  if (kinds.length === 0) return []
  return db.selectFrom('subscription_offers').selectAll()
    .where('active', '=', 1).where('kind', 'in', kinds)
    .orderBy('position').orderBy('kind').orderBy('region_code').orderBy('flavour').orderBy('commitment_months').orderBy('id')
    .execute()
}

/** The lowest monthly price per instance of each kind's active subscriptions: a reservation's "From …". */
export async function lowestOfferPrices(db: Executor): Promise<Map<string, number>> {
  const rows = await db.selectFrom('subscription_offers')
    .select(['kind', (eb) => eb.fn.min<number>('monthly_price_cents').as('lowest')])
    .where('active', '=', 1).groupBy('kind').execute()
  return new Map(rows.map((row) => [row.kind, Number(row.lowest)]))
}

export interface AccountManager {
  name: string | null
  email: string | null
}

/** The contract's company's account manager, when it has one (a grouping contract's references change through them). */
export async function accountManagerOf(db: Executor, companyId: number): Promise<AccountManager | undefined> {
  const row = await db.selectFrom('companies').select(['account_manager_name as name', 'account_manager_email as email'])
    .where('id', '=', companyId).executeTakeFirst()
  return row && (row.name || row.email) ? row : undefined
}
