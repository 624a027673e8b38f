// Writing a user's access to a contract: every change with its audit row, in
// the caller's transaction.
import type { Executor } from '../../db/database.js'
import type { Contract } from '../../db/contracts.table.js'
import { writeAudit } from '../../audit/audit.js'
import { sectionsForOffer } from '../../policy/index.js'
import type { RolesForm } from './roles.form.js'

interface Actor {
  userId: number
  ip: string
}

async function currentRoles(trx: Executor, contractId: number, userId: number) {
  const [roles, consoles] = await Promise.all([
    trx.selectFrom('contract_roles').select(['section', 'role']).where('contract_id', '=', contractId).where('user_id', '=', userId).execute(),
    trx.selectFrom('console_roles').select(['console', 'role']).where('contract_id', '=', contractId).where('user_id', '=', userId).execute(),
  ])
  return { roles: Object.fromEntries(roles.map((r) => [r.section, r.role])), consoles: consoles.map((c) => `${c.console}:${c.role}`) }
}

/** Replaces the user's roles on the contract (section roles; console roles when `withConsoles`). */
export async function setRoles(trx: Executor, contract: Contract, userId: number, form: RolesForm, actor: Actor, withConsoles: boolean, action = 'rights.roles_changed') {
  const before = await currentRoles(trx, contract.id, userId)
  await trx.deleteFrom('contract_roles').where('contract_id', '=', contract.id).where('user_id', '=', userId).execute()
  await trx.insertInto('contract_roles').values(sectionsForOffer(contract.offer).map((row) => ({
    contract_id: contract.id, user_id: userId, section: row.name, role: form.roles[row.name]!,
  }))).execute()
  if (withConsoles) {
    await trx.deleteFrom('console_roles').where('contract_id', '=', contract.id).where('user_id', '=', userId).execute()
    if (form.consoles.length > 0) {
      await trx.insertInto('console_roles').values(form.consoles.map((c) => ({ contract_id: contract.id, user_id: userId, console: c.console, role: c.role }))).execute()
    }
  }
  const after = await currentRoles(trx, contract.id, userId)
  await writeAudit(trx, { action, actorUserId: actor.userId, contractId: contract.id, targetUserId: userId, ip: actor.ip, details: { before, after } })
}

/** Removes the user from the contract; their other contracts are untouched. */
export async function deleteAccess(trx: Executor, contract: Contract, userId: number, actor: Actor) {
  const before = await currentRoles(trx, contract.id, userId)
  await trx.deleteFrom('contract_roles').where('contract_id', '=', contract.id).where('user_id', '=', userId).execute()
  await trx.deleteFrom('console_roles').where('contract_id', '=', contract.id).where('user_id', '=', userId).execute()
  await writeAudit(trx, { action: 'rights.access_deleted', actorUserId: actor.userId, contractId: contract.id, targetUserId: userId, ip: actor.ip, details: { before } })
}
