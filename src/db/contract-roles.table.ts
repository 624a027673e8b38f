import type { Insertable, Selectable } from 'kysely'

/** One row per user × contract × section. A user is declared on a contract
 * when they hold a `contracts` row (that section is mandatory). */
export interface ContractRolesTable {
  contract_id: number
  user_id: number
  section: string
  role: string
}

export type ContractRole = Selectable<ContractRolesTable>
export type NewContractRole = Insertable<ContractRolesTable>
