import type { Executor } from '../../db/database.js'

export function findCompany(db: Executor, companyId: number) {
  return db
    .selectFrom('companies')
    .select(['name', 'registration_number', 'address', 'postal_code', 'city', 'country', 'account_manager_name', 'account_manager_email', 'account_manager_phone'])
    .where('id', '=', companyId)
    .executeTakeFirst()
}

/** Display names of a contract's referent and domain owner. */
export async function findContractPeople(db: Executor, referentId: number | null, domainOwnerId: number | null) {
  const ids = [referentId, domainOwnerId].filter((id): id is number => id !== null)
  if (ids.length === 0) return { referent: undefined, domainOwner: undefined }
  const people = await db
    .selectFrom('users')
    .select(['id', 'first_name', 'last_name', 'email'])
    .where('id', 'in', ids)
    .execute()
  const byId = new Map(people.map((person) => [person.id, person]))
  return {
    referent: referentId === null ? undefined : byId.get(referentId),
    domainOwner: domainOwnerId === null ? undefined : byId.get(domainOwnerId),
  }
}

export function findGroupingContract(db: Executor, groupingId: number | null) {
  if (groupingId === null) return Promise.resolve(undefined)
  return db.selectFrom('contracts').select(['code', 'name']).where('id', '=', groupingId).executeTakeFirst()
}

export function listConsoleRoles(db: Executor, contractId: number, userId: number) {
  return db
    .selectFrom('console_roles')
    .select(['console', 'role'])
    .where('contract_id', '=', contractId)
    .where('user_id', '=', userId)
    .orderBy('console')
    .orderBy('role')
    .execute()
}

/** The contracts a multi-services contract groups, by name, each saying
 * whether the user holds a role on it (only those are links). */
export async function listGroupedContracts(db: Executor, groupingId: number, userId: number) {
  const rows = await db
    .selectFrom('contracts')
    .leftJoin('contract_roles', (join) => join
      .onRef('contract_roles.contract_id', '=', 'contracts.id')
      .on('contract_roles.user_id', '=', userId)
      .on('contract_roles.section', '=', 'contracts'))
    .select(['contracts.code', 'contracts.name', 'contracts.offer', 'contract_roles.role'])
    .where('contracts.grouping_contract_id', '=', groupingId)
    .orderBy('contracts.name')
    .orderBy('contracts.code')
    .execute()
  return rows.map(({ role, ...contract }) => ({ ...contract, declared: role !== null }))
}
