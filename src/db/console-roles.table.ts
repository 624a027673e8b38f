import type { Insertable, Selectable } from 'kysely'

/** Roles inside the technical consoles of FE and FE HDS contracts:
 * console `fe` (guest, power_user, admin; several allowed) and
 * console `backup` (cust_admin; one only). */
export interface ConsoleRolesTable {
  contract_id: number
  user_id: number
  console: 'fe' | 'backup'
  role: string
}

export type ConsoleRole = Selectable<ConsoleRolesTable>
export type NewConsoleRole = Insertable<ConsoleRolesTable>
