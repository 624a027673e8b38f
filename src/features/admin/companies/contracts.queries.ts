// Contracts as staff see them, and the code generator.
import type { Executor } from '../../../db/database.js'
import { serializeSection } from '../../../db/portable.js'
import type { Contract } from '../../../db/contracts.table.js'
import { CODE_FORMAT } from './contract.form.js'

const LAST_NUMBER = 9_999_999

export function findContractByCode(db: Executor, code: string): Promise<Contract | undefined> {
  return db.selectFrom('contracts').selectAll().where('code', '=', code).executeTakeFirst()
}

export async function codeIsTaken(db: Executor, code: string): Promise<boolean> {
  return Boolean(await db.selectFrom('contracts').select('id').where('code', '=', code).executeTakeFirst())
}

/** Until the creating transaction ends, no other one may pick or check a contract code. */
export function lockContractCodes(trx: Executor): Promise<void> {
  return serializeSection(trx, 'contract-codes')
}

/**
 * The next free code: OCB and the number after the highest one in use, seven
 * digits. Called inside the creating transaction, under lockContractCodes, so
 * two creations never get the same one. Well-formed codes sort like their numbers.
 */
export async function nextContractCode(trx: Executor): Promise<string> {
  await lockContractCodes(trx)
  const rows = await trx.selectFrom('contracts').select('code')
    .where('code', '>=', 'OCB0000000').where('code', '<=', 'OCB9999999')
    .orderBy('code', 'desc').limit(20).execute()
  const highest = rows.map((row) => row.code).find((code) => CODE_FORMAT.test(code))
  const next = highest ? Number(highest.slice(3)) + 1 : 1
  if (next > LAST_NUMBER) throw new Error('contract codes exhausted: OCB9999999 is taken')
  return `OCB${String(next).padStart(7, '0')}`
}

/** The company's multi-services contracts another contract may be grouped under (not closed). */
export function groupingContractsOf(db: Executor, companyId: number) {
  return db.selectFrom('contracts').select(['id', 'code', 'name'])
    .where('company_id', '=', companyId).where('offer', '=', 'multi_services').where('status', '!=', 'closed')
    .orderBy('name').orderBy('code').execute()
}

/** Contracts grouped under a multi-services contract. */
export function groupedContracts(db: Executor, groupingId: number) {
  return db.selectFrom('contracts').select(['code', 'name', 'offer', 'status'])
    .where('grouping_contract_id', '=', groupingId).orderBy('code').execute()
}

export function findGrouping(db: Executor, groupingId: number | null) {
  if (groupingId === null) return Promise.resolve(undefined)
  return db.selectFrom('contracts').select(['id', 'code', 'name']).where('id', '=', groupingId).executeTakeFirst()
}

/** The referent and domain owner with their company: staff see who they are. */
export async function findHolders(db: Executor, contract: Contract) {
  const ids = [contract.referent_user_id, contract.domain_owner_user_id].filter((id): id is number => id !== null)
  const people = ids.length === 0 ? [] : await db.selectFrom('users').leftJoin('companies', 'companies.id', 'users.company_id')
    .select(['users.id', 'users.login', 'users.email', 'users.first_name', 'users.last_name', 'users.company_id', 'companies.name as company_name'])
    .where('users.id', 'in', ids).execute()
  const byId = new Map(people.map((person) => [person.id, person]))
  return {
    referent: contract.referent_user_id === null ? undefined : byId.get(contract.referent_user_id),
    domainOwner: contract.domain_owner_user_id === null ? undefined : byId.get(contract.domain_owner_user_id),
  }
}

/** Ids of the users declared on the contract. */
export async function declaredUserIds(db: Executor, contractId: number): Promise<Set<number>> {
  const rows = await db.selectFrom('contract_roles').select('user_id')
    .where('contract_id', '=', contractId).where('section', '=', 'contracts').execute()
  return new Set(rows.map((row) => row.user_id))
}
