// The catalog as a contract's user sees it: the active services sold on the
// contract's offer; a referent-only service for the contract's referent
// alone. Every page and form finds its service through `findSoldService`,
// so an unknown, inactive or foreign service is the same 404 everywhere.
import type { Executor } from '../../db/database.js'
import type { Contract, Offer } from '../../db/contracts.table.js'
import type { CatalogService } from '../../db/catalog.table.js'
import { isReferentOnly } from './effects.js'
import { isContractReferent } from '../../policy/index.js'

export interface ServiceWithCategory extends CatalogService {
  category_code: string
  category_name_en: string
  category_name_fr: string
}

/** Does the service's comma-separated offer list (null: every offer) include this offer? */
export function soldOn(service: Pick<CatalogService, 'offers'>, offer: Offer): boolean {
  return service.offers === null || service.offers.split(',').map((one) => one.trim()).includes(offer)
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
  /** The contract's company has the "create a tenant online" option, and the
   * viewer belongs to that company: the tenant would be the company's, with them as its referent. */
  createsTenants: boolean
}

export async function catalogViewer(db: Executor, contract: Contract, userId: number): Promise<CatalogViewer> {
  return { contract, userId, createsTenants: await mayCreateTenant(db, contract.company_id, userId) }
}

/** The company has the "create a tenant online" option and the user is one of its own
 * (not an outsider holding a role on one of its contracts). Re-checked at completion. */
export async function mayCreateTenant(db: Executor, companyId: number, userId: number): Promise<boolean> {
  const row = await db.selectFrom('companies').innerJoin('users', 'users.company_id', 'companies.id')
    .select('companies.create_tenant_online').where('companies.id', '=', companyId).where('users.id', '=', userId).executeTakeFirst()
  return row?.create_tenant_online === 1
}

/** Sold to this viewer at all (active, on the contract's offer; creating a tenant only for the
 * company's own users, with the option): else a 404, like a service that isn't in their catalog. */
export function soldTo(service: CatalogService, viewer: CatalogViewer): boolean {
  if (service.active !== 1 || !soldOn(service, viewer.contract.offer)) return false
  return service.effect !== 'create_tenant' || viewer.createsTenants
}

export type Refusal = 'referent_only' | 'grouping_contract'

/** Why this viewer may not order a service sold to the contract (a 403), if they may not.
 * Renaming the contract and setting its REF1 are the referent's by nature (effects.ts). */
export function refusalOf(service: CatalogService, viewer: CatalogViewer): Refusal | undefined {
  if (!isReferentOnly(service)) return undefined
  if (!isContractReferent(viewer.contract, viewer.userId)) return 'referent_only'
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
