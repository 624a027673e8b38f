import { sql } from 'kysely'
import type { Executor } from '../../db/database.js'
import type { Contract } from '../../db/contracts.table.js'
import { rightsFrom, type Rights } from '../../policy/index.js'

export interface ContractUser {
  id: number
  login: string
  email: string
  first_name: string
  last_name: string
  title: 'mr' | 'mrs' | null
  phone_mobile: string | null
  /** Invited, password not set yet. */
  pending: boolean
  rights: Rights
}

/** The users declared on a contract with their rights, optionally matching
 * `q` in their name, login or email. */
export async function listContractUsers(db: Executor, contract: Contract, q = ''): Promise<ContractUser[]> {
  let query = db.selectFrom('contract_roles')
    .innerJoin('users', 'users.id', 'contract_roles.user_id')
    .select(['users.id', 'users.login', 'users.email', 'users.first_name', 'users.last_name', 'users.title', 'users.phone_mobile', 'users.password_hash', 'contract_roles.section', 'contract_roles.role'])
    .where('contract_roles.contract_id', '=', contract.id)
  if (q) {
    const pattern = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    query = query.where((eb) => eb.or([
      eb(sql`lower(users.first_name || ' ' || users.last_name)`, 'like', sql`${pattern} escape '\\'`),
      eb(sql`lower(users.last_name || ' ' || users.first_name)`, 'like', sql`${pattern} escape '\\'`),
      eb(sql`lower(users.login)`, 'like', sql`${pattern} escape '\\'`),
      eb(sql`lower(users.email)`, 'like', sql`${pattern} escape '\\'`),
    ]))
  }
  const rows = await query.orderBy('users.last_name').orderBy('users.first_name').execute()
  const byUser = new Map<number, { row: (typeof rows)[number]; roles: Map<string, string> }>()
  for (const row of rows) {
    const entry = byUser.get(row.id) ?? { row, roles: new Map<string, string>() }
    entry.roles.set(row.section, row.role)
    byUser.set(row.id, entry)
  }
  return [...byUser.values()]
    .filter(({ roles }) => roles.has('contracts'))
    .map(({ row, roles }) => ({
      id: row.id, login: row.login, email: row.email, first_name: row.first_name, last_name: row.last_name, title: row.title,
      phone_mobile: row.phone_mobile, pending: row.password_hash === null, rights: rightsFrom(contract, row.id, roles),
    }))
}

/** One user of the contract, by login: undefined (→ 404) when not declared on it. */
export async function findContractUser(db: Executor, contract: Contract, login: string): Promise<ContractUser | undefined> {
  if (login.length > 64) return undefined
  const users = await listContractUsers(db, contract)
  return users.find((user) => user.login === login.toLowerCase())
}

export function listConsoleRolesOf(db: Executor, contractId: number, userId: number) {
  return db.selectFrom('console_roles').select(['console', 'role']).where('contract_id', '=', contractId).where('user_id', '=', userId).execute()
}
