// Billing contacts: for each contract, who receives its invoices (the
// referent and every user holding billing = manager on it).
import { sql } from 'kysely'
import type { Executor } from '../../../db/database.js'
import { containsPattern } from './list-params.js'

export const BILLING_PAGE_SIZE = 25

function matching(db: Executor, q: string) {
  const query = db.selectFrom('contracts').innerJoin('companies', 'companies.id', 'contracts.company_id')
  if (!q) return query
  const pattern = containsPattern(q)
  return query.where((eb) => eb.or([
    eb(sql`lower(companies.name)`, 'like', sql`${pattern} escape '\\'`),
    eb(sql`lower(contracts.code)`, 'like', sql`${pattern} escape '\\'`),
    eb(sql`lower(contracts.name)`, 'like', sql`${pattern} escape '\\'`),
  ]))
}

export async function countBillingContacts(db: Executor, q: string): Promise<number> {
  const row = await matching(db, q).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

function contractsPage(db: Executor, q: string, offset: number, limit: number) {
  return matching(db, q)
    .leftJoin('users as referent', 'referent.id', 'contracts.referent_user_id')
    .select(['contracts.id', 'contracts.code', 'contracts.name', 'contracts.offer', 'contracts.status', 'contracts.ref1', 'contracts.ref2', 'contracts.ref3',
      'companies.name as company_name', 'referent.login as referent_login', 'referent.first_name as referent_first', 'referent.last_name as referent_last',
      'referent.email as referent_email'])
    .orderBy('companies.name').orderBy('contracts.code').limit(limit).offset(offset).execute()
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
