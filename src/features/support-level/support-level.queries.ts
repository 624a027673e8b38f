// Reading a contract's support level: the change still to apply, and who
// hears about a change (the referent and the contracts managers).
import type { Executor } from '../../db/database.js'
import type { Contract } from '../../db/contracts.table.js'
import type { SupportState } from './ladder.js'

/** The change not applied yet (at most one: a new upgrade withdraws the previous one). */
export async function findPendingChange(db: Executor, contractId: number) {
  return db.selectFrom('support_level_changes').selectAll()
    .where('contract_id', '=', contractId).where('applied_at', 'is', null).where('withdrawn_at', 'is', null)
    .orderBy('id', 'desc').executeTakeFirst()
}

/** The contract's support state as decideChange reads it (the support-level page, the
 * catalog's order check and its completion), with the pending change itself. */
export async function supportStateOf(db: Executor, contract: Pick<Contract, 'id' | 'offer' | 'support_level' | 'support_commitment_end'>) {
  const pending = await findPendingChange(db, contract.id)
  const state: SupportState = {
    offer: contract.offer, level: contract.support_level, pendingLevel: pending?.to_level ?? null,
    commitmentEnd: pending?.commitment_end ?? contract.support_commitment_end,
  }
  return { ...state, pending }
}

/** The referent and every contracts manager of the contract, once each. */
export async function supportLevelAudience(db: Executor, contract: Pick<Contract, 'id' | 'referent_user_id'>): Promise<number[]> {
  const managers = await db.selectFrom('contract_roles').select('user_id')
    .where('contract_id', '=', contract.id).where('section', '=', 'contracts').where('role', '=', 'manager').execute()
  const ids = new Set(managers.map((row) => row.user_id))
  if (contract.referent_user_id !== null) ids.add(contract.referent_user_id)
  return [...ids].sort((a, b) => a - b)
}

