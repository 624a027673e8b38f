// What completing an order does, in the transaction of the status change
// (src/features/admin/requests/request.writes.ts). The effect is claimed
// first with a conditional update of orders.effect_applied_at: only the
// transaction that sets it runs the effect, so an order reopened by a
// customer's comment and completed again, or completed by two staff members
// at once, never applies twice. A refusal (OrderEffectRefused) rolls the
// whole change back, the claim and the status included: among them, an
// effect needing a back-office area the staff member lacks (effects.ts:
// creating a tenant is the account managers' job).
import { writeAudit } from '../../../audit/audit.js'
import { staffCan } from '../../../policy/index.js'
import { EFFECT_RULES } from '../effects.js'
import type { OrderEffect } from '../../../db/catalog.table.js'
import type { Executor } from '../../../db/database.js'
import { requestNumber } from '../../requests/request-number.js'
import { applyBackupConsole } from './backup-console.effect.js'
import { applyCreateTenant } from './create-tenant.effect.js'
import { OrderEffectRefused } from './effect-refused.js'
import { parseEffectInput, type CompletingActor, type Effect } from './effect-context.js'
import { applyRef1, applyRenameContract } from './contract-text.effect.js'
import { applySubscription } from './subscription.effect.js'
import { applySupportLevel } from './support-level.effect.js'

const EFFECTS: Record<OrderEffect, Effect> = {
  none: async () => ({ before: null, after: null }),
  subscription: applySubscription,
  backup_console: applyBackupConsole,
  support_level: applySupportLevel,
  rename_contract: applyRenameContract,
  set_ref1: applyRef1,
  create_tenant: applyCreateTenant,
}

/** Applies the order's effect once; false when there was nothing to apply
 * (no order row — a request typed order before the catalog — or applied before). */
export async function completeOrder(trx: Executor, requestId: number, actor: CompletingActor, now: Date): Promise<boolean> {
  const claimed = await trx.updateTable('orders').set({ effect_applied_at: now.toISOString() })
    .where('request_id', '=', requestId).where('effect_applied_at', 'is', null).executeTakeFirst()
  if (Number(claimed.numUpdatedRows) !== 1) return false
  const order = await trx.selectFrom('orders').selectAll().where('request_id', '=', requestId).executeTakeFirstOrThrow()
  const area = EFFECT_RULES[order.effect]?.staffArea
  if (area === 'companies' && !staffCan(actor.roles ?? [], area)) throw new OrderEffectRefused('completion.refused.staff_area.companies', {}, 403)
  const contract = await trx.selectFrom('contracts').selectAll().where('id', '=', order.contract_id).executeTakeFirstOrThrow()
  const input = parseEffectInput(order.effect_json)
  const effect = EFFECTS[order.effect] as Effect | undefined
  if (!effect) throw new OrderEffectRefused('completion.refused.bad_input')
  const outcome = await effect({ trx, order, contract, input, actor, now })
  await writeAudit(trx, {
    action: 'order.effect_applied', actorUserId: actor.userId, contractId: contract.id, targetUserId: order.ordered_by, ip: actor.ip,
    details: { request: requestNumber(requestId), effect: order.effect, before: outcome.before, after: outcome.after },
  })
  return true
}
