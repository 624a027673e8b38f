// Billing contacts: for each contract, who receives its invoices (the
// referent and every user holding billing = manager on it).
import { sql } from 'kysely'
import type { Executor } from '../../../db/database.js'
import { codeStartingWith, fewIds } from '../search.js'
import { containsPattern } from '../../../lib/like-pattern.js'
import { pageWindow } from './list-params.js'

export const BILLING_PAGE_SIZE = 25

/** The contracts matching `q` anywhere in their company's name or their own, or by the start of their
 * code. The companies (a fifth as many rows) are searched first, so that the contracts' scan needs no join. */
async function matching(db: Executor, q: string) {
  const query = db.selectFrom('contracts').innerJoin('companies', 'companies.id', 'contracts.company_id')
  if (!q) return query
  const pattern = sql<string>`${containsPattern(q)} escape '\\'`
  const companies = db.selectFrom('companies').select('companies.id').where(sql`lower(companies.name)`, 'like', pattern)
  const companyIds = await fewIds(companies)
  return query.where((eb) => eb.or([
    ...companyIds === undefined ? [eb('contracts.company_id', 'in', companies)] : companyIds.length > 0 ? [eb('contracts.company_id', 'in', companyIds)] : [],
    codeStartingWith(q),
    eb(sql`lower(contracts.name)`, 'like', pattern),
  ]))
}

export async function countBillingContacts(db: Executor, q: string): Promise<number> {
  // Every contract has a company: the whole list is counted from the table alone, which SQLite answers at once.
  const query = q ? await matching(db, q) : db.selectFrom('contracts')
  const row = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

async function contractsPage(db: Executor, q: string, offset: number, limit: number) {
  return (await matching(db, q))
    .leftJoin('users as referent', 'referent.id', 'contracts.referent_user_id')
    .select(['contracts.id', 'contracts.code', 'contracts.name', 'contracts.offer', 'contracts.status', 'contracts.ref1', 'contracts.ref2', 'contracts.ref3',
      'companies.name as company_name', 'referent.login as referent_login', 'referent.first_name as referent_first', 'referent.last_name as referent_last',
      'referent.email as referent_email'])
    // A search counts its matches along with the page (see billingContactsPage).
    .$if(q !== '', (query) => query.select(sql<number>`count(*) over ()`.as('matches')))
    // The company's id between its name and the code lets SQLite walk companies by name, then each one's
    // contracts by code (contracts_company_code), and stop at the page: no sort of every contract.
    .orderBy('companies.name').orderBy('companies.id').orderBy('contracts.code').limit(limit).offset(offset).execute()
}

export interface BillingManager {
  login: string
  first_name: string
  last_name: string
  email: string
}

/** The billing managers of these contracts, by contract id, by name. */
async function billingManagersOf(db: Executor, contractIds: number[]): Promise<Map<number, BillingManager[]>> {
  const byContract = new Map<number, BillingManager[]>()
  if (contractIds.length === 0) return byContract
  const rows = await db.selectFrom('contract_roles').innerJoin('users', 'users.id', 'contract_roles.user_id')
    .select(['contract_roles.contract_id', 'users.login', 'users.first_name', 'users.last_name', 'users.email'])
    .where('contract_roles.contract_id', 'in', contractIds).where('contract_roles.section', '=', 'billing').where('contract_roles.role', '=', 'manager')
    .orderBy('users.last_name').orderBy('users.first_name').execute()
  for (const { contract_id, ...manager } of rows) byContract.set(contract_id, [...(byContract.get(contract_id) ?? []), manager])
  return byContract
}

export type BillingContract = Awaited<ReturnType<typeof contractsPage>>[number] & { managers: BillingManager[] }

/** A page of contracts with their billing managers: two queries, whatever the page size. */
export async function listBillingContacts(db: Executor, q: string, offset: number, limit = BILLING_PAGE_SIZE): Promise<BillingContract[]> {
  const contracts = await contractsPage(db, q, offset, limit)
  const managers = await billingManagersOf(db, contracts.map((contract) => contract.id))
  return contracts.map((contract) => ({ ...contract, managers: managers.get(contract.id) ?? [] }))
}

/** The requested page of the contracts matching `q` (the last one past the end), and how many match. A search
 * reads its matches once, their count coming with the page, instead of a count then a page, two scans. */
export async function billingContactsPage(db: Executor, q: string, requested: number) {
  if (q) {
    const rows = await listBillingContacts(db, q, (requested - 1) * BILLING_PAGE_SIZE)
    if (rows.length > 0 || requested === 1) {
      const total = Number(rows[0]?.matches ?? 0)
      return { ...pageWindow(requested, total, BILLING_PAGE_SIZE), rows, total }
    }
  }
  const total = await countBillingContacts(db, q)
  const window = pageWindow(requested, total, BILLING_PAGE_SIZE)
  return { ...window, rows: await listBillingContacts(db, q, window.offset), total }
}
