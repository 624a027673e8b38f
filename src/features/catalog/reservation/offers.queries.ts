// The subscriptions a reservation service offers (subscription_offers):
// active offers of the service's kinds, by region, template and commitment.
import type { Executor } from '../../../db/database.js'
import type { CatalogService, SubscriptionOffer } from '../../../db/catalog.table.js'
import { SUBSCRIPTION_KINDS, type SubscriptionKind } from '../../../db/subscriptions.table.js'

/** The kinds a reservation service sells, in the catalog's order (e.g. standard, flexible). */
export function kindsOf(service: Pick<CatalogService, 'subscription_kinds'>): SubscriptionKind[] {
  const listed = (service.subscription_kinds ?? '').split(',').map((kind) => kind.trim())
  return listed.filter((kind): kind is SubscriptionKind => (SUBSCRIPTION_KINDS as readonly string[]).includes(kind))
}

export interface OfferChoices {
  regions: string[]
  flavours: string[]
}

/** The regions and templates step 1 offers: those of at least one active offer of these kinds. */
export async function listOfferChoices(db: Executor, kinds: SubscriptionKind[]): Promise<OfferChoices> {
  if (kinds.length === 0) return { regions: [], flavours: [] }
  const rows = await db.selectFrom('subscription_offers').select(['region_code', 'flavour'])
    .where('active', '=', 1).where('kind', 'in', kinds).orderBy('position').orderBy('id').execute()
  return { regions: [...new Set(rows.map((row) => row.region_code))].sort(), flavours: [...new Set(rows.map((row) => row.flavour))] }
}

export interface OfferChoice {
  kind: SubscriptionKind
  region: string
  flavour: string
}

/** The active subscriptions of one kind, region and template, shortest commitment first. */
export async function listMatchingOffers(db: Executor, choice: OfferChoice): Promise<SubscriptionOffer[]> {
  return db.selectFrom('subscription_offers').selectAll()
    .where('active', '=', 1).where('kind', '=', choice.kind).where('region_code', '=', choice.region).where('flavour', '=', choice.flavour)
    .orderBy('commitment_months').orderBy('position').orderBy('id').execute()
}

/** An active subscription of one of the service's kinds; undefined for any other id. */
export async function findOfferOfService(db: Executor, kinds: SubscriptionKind[], id: number): Promise<SubscriptionOffer | undefined> {
  if (kinds.length === 0 || !Number.isSafeInteger(id)) return undefined
  return db.selectFrom('subscription_offers').selectAll()
    .where('id', '=', id).where('active', '=', 1).where('kind', 'in', kinds).executeTakeFirst()
}
