// The catalog as a contract sees it: the active services sold on the
// contract's offer; a referent-only service for the contract's referent
// alone. Every page and form finds its service through `findOfferedService`,
// so an unknown, inactive or foreign service is the same 404 everywhere.
import type { Executor } from '../../db/database.js'
import type { Contract, Offer } from '../../db/contracts.table.js'
import type { CatalogService } from '../../db/catalog.table.js'

export interface ServiceWithCategory extends CatalogService {
  category_code: string
  category_name_en: string
  category_name_fr: string
}

/** Does the service's comma-separated offer list (null: every offer) include this offer? */
export function soldOn(service: Pick<CatalogService, 'offers'>, offer: Offer): boolean {
  return service.offers === null || service.offers.split(',').map((one) => one.trim()).includes(offer)
}

/** Whether the user is the contract's referent: referent-only services are theirs alone. */
export function isReferentOf(contract: Pick<Contract, 'referent_user_id'>, userId: number): boolean {
  return contract.referent_user_id === userId
}

/** A multi-services grouping contract is read-only: its name and references change through the account manager. */
export function refusesReferentServices(contract: Pick<Contract, 'offer'>): boolean {
  return contract.offer === 'multi_services'
}

function services(db: Executor) {
  return db.selectFrom('catalog_services')
    .innerJoin('catalog_categories', 'catalog_categories.id', 'catalog_services.category_id')
    .selectAll('catalog_services')
    .select(['catalog_categories.code as category_code', 'catalog_categories.name_en as category_name_en', 'catalog_categories.name_fr as category_name_fr'])
}

/** Who looks at a contract's catalog: the referent-only services and the
 * "create a tenant online" option depend on them and their company. */
export interface CatalogViewer {
  contract: Contract
  userId: number
  /** The contract's company has the "create a tenant online" option. */
  createTenantOnline: boolean
}

export async function catalogViewer(db: Executor, contract: Contract, userId: number): Promise<CatalogViewer> {
  const company = await db.selectFrom('companies').select('create_tenant_online').where('id', '=', contract.company_id).executeTakeFirst()
  return { contract, userId, createTenantOnline: company?.create_tenant_online === 1 }
}

/** Sold to this contract at all (active, on its offer, and the tenant option where needed): else a 404. */
export function soldTo(service: CatalogService, viewer: CatalogViewer): boolean {
  if (service.active !== 1 || !soldOn(service, viewer.contract.offer)) return false
  return service.effect !== 'create_tenant' || viewer.createTenantOnline
}

export type Refusal = 'referent_only' | 'grouping_contract'

/** Why this viewer may not order a service sold to the contract (a 403), if they may not. */
export function refusalOf(service: CatalogService, viewer: CatalogViewer): Refusal | undefined {
  if (service.referent_only !== 1) return undefined
  if (!isReferentOf(viewer.contract, viewer.userId)) return 'referent_only'
  return refusesReferentServices(viewer.contract) ? 'grouping_contract' : undefined
}

/** Every service this viewer sees in the catalog, in its order (categories, then services):
 * a referent-only service shows to the referent only (with its refusal on a grouping contract). */
export async function listOfferedServices(db: Executor, viewer: CatalogViewer): Promise<ServiceWithCategory[]> {
  const rows = await services(db).where('catalog_services.active', '=', 1)
    .orderBy('catalog_categories.position').orderBy('catalog_services.position').orderBy('catalog_services.id')
    .execute()
  return rows.filter((row) => soldTo(row, viewer) && refusalOf(row, viewer) !== 'referent_only')
}

/** The service with this code sold to the viewer's contract; undefined otherwise (the caller answers 404).
 * What the viewer may do with it is refusalOf's. */
export async function findSoldService(db: Executor, viewer: CatalogViewer, code: string): Promise<ServiceWithCategory | undefined> {
  if (code.length === 0 || code.length > 64) return undefined
  const row = await services(db).where('catalog_services.code', '=', code).where('catalog_services.active', '=', 1).executeTakeFirst()
  return row && soldTo(row, viewer) ? row : undefined
}

/** Any service by id, active or not: past orders still show the service they ordered. */
export async function findServiceById(db: Executor, id: number): Promise<CatalogService | undefined> {
  return db.selectFrom('catalog_services').selectAll().where('id', '=', id).executeTakeFirst()
}
