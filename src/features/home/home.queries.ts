// The dashboard's reads. A user may hold hundreds of contracts: every query
// here is bounded by the page shown (20 contracts), or reads one indexed
// column of the user's role rows (never every role row of every contract).
import { sql } from 'kysely'
import type { Executor } from '../../db/database.js'
import type { Offer } from '../../db/contracts.table.js'
import { rightsFrom, type Rights } from '../../policy/index.js'
import { containsPattern } from '../../lib/like-pattern.js'

export const DASHBOARD_PAGE_SIZE = 20

export interface ContractSearch {
  /** Part of a contract's code or name, '' for all. */
  q: string
  /** 1-based; a page past the end shows the last one. */
  page: number
}

export interface ListedContract extends Rights {
  companyName: string
}

export interface ContractPage {
  contracts: ListedContract[]
  total: number
  page: number
  pages: number
}

/** The offers of the contracts on which the user holds dashboard ≥ visitor
 * (the referent holds it on their contracts): empty when the dashboard is
 * closed to them. One pass over the user's dashboard rows, distinct offers. */
export async function offersWithDashboard(db: Executor, userId: number): Promise<Offer[]> {
  const rows = await db
    .selectFrom('contract_roles')
    .innerJoin('contracts', 'contracts.id', 'contract_roles.contract_id')
    .select('contracts.offer')
    .distinct()
    .where('contract_roles.user_id', '=', userId)
    .where('contract_roles.section', '=', 'dashboard')
    .where((eb) => eb.or([eb('contract_roles.role', '=', 'visitor'), eb('contracts.referent_user_id', '=', userId)]))
    .execute()
  return rows.map((row) => row.offer)
}

/** The user's contracts matching the search (a user is declared on a contract
 * by its `contracts` role row): the base of the count and of the page. */
function declaredContracts(db: Executor, userId: number, q: string) {
  let query = db
    .selectFrom('contract_roles')
    .innerJoin('contracts', 'contracts.id', 'contract_roles.contract_id')
    .where('contract_roles.user_id', '=', userId)
    .where('contract_roles.section', '=', 'contracts')
  if (q !== '') {
    const pattern = containsPattern(q)
    query = query.where((eb) => eb.or([
      eb(sql`lower(contracts.code)`, 'like', sql`${pattern} escape '\\'`),
      eb(sql`lower(contracts.name)`, 'like', sql`${pattern} escape '\\'`),
    ]))
  }
  return query
}

/** One page of the user's contracts by name, each with the user's rights on
 * it: the roles read are those of the page's contracts only. */
export async function pageOfContracts(db: Executor, userId: number, search: ContractSearch): Promise<ContractPage> {
  const counted = await declaredContracts(db, userId, search.q)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow()
  const total = Number(counted.n)
  const pages = Math.max(1, Math.ceil(total / DASHBOARD_PAGE_SIZE))
  const page = Math.min(search.page, pages)
  if (total === 0) return { contracts: [], total, page, pages }
  // rightsFrom() takes a whole contract row: read whole rows, but only a page of them.
  const rows = await declaredContracts(db, userId, search.q)
    .innerJoin('companies', 'companies.id', 'contracts.company_id')
    .selectAll('contracts')
    .select('companies.name as company_name')
    .orderBy('contracts.name')
    .orderBy('contracts.code')
    .limit(DASHBOARD_PAGE_SIZE)
    .offset((page - 1) * DASHBOARD_PAGE_SIZE)
    .execute()
  const roles = await db
    .selectFrom('contract_roles')
    .select(['contract_id', 'section', 'role'])
    .where('contract_id', 'in', rows.map((row) => row.id))
    .where('user_id', '=', userId)
    .execute()
  const byContract = new Map<number, Map<string, string>>()
  for (const role of roles) {
    const sections = byContract.get(role.contract_id) ?? new Map<string, string>()
    sections.set(role.section, role.role)
    byContract.set(role.contract_id, sections)
  }
  const contracts = rows.map(({ company_name, ...contract }) => ({
    ...rightsFrom(contract, userId, byContract.get(contract.id) ?? new Map()),
    companyName: company_name,
  }))
  return { contracts, total, page, pages }
}
