import type { Executor } from '../../db/database.js'
import { rightsFrom, type Rights } from '../../policy/index.js'

/** Every contract the user is declared on, with their effective rights. */
export async function listContractsOfUser(db: Executor, userId: number): Promise<Rights[]> {
  const [contracts, roles] = await Promise.all([
    db
      .selectFrom('contracts')
      .innerJoin('contract_roles', 'contract_roles.contract_id', 'contracts.id')
      .selectAll('contracts')
      .where('contract_roles.user_id', '=', userId)
      .where('contract_roles.section', '=', 'contracts')
      .orderBy('contracts.name')
      .orderBy('contracts.code')
      .execute(),
    db.selectFrom('contract_roles').select(['contract_id', 'section', 'role']).where('user_id', '=', userId).execute(),
  ])
  const byContract = new Map<number, Map<string, string>>()
  for (const role of roles) {
    const sections = byContract.get(role.contract_id) ?? new Map<string, string>()
    sections.set(role.section, role.role)
    byContract.set(role.contract_id, sections)
  }
  return contracts.map((contract) => rightsFrom(contract, userId, byContract.get(contract.id) ?? new Map()))
}
