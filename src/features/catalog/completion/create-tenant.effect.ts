// "Create a new tenant" (spec 003): a contract in the ordering contract's
// company and offer, named and supported as ordered, with the orderer as its
// referent and domain owner holding the highest roles, and a notification
// to them. Refused when the company has lost the "create a tenant online"
// option since the order, or the orderer has left the company (the tenant
// would be the company's with an outsider as its referent).
import { writeAudit } from '../../../audit/audit.js'
import { commitmentEnd, firstOfNextMonth, parisDay } from '../../../lib/paris-calendar.js'
import { grantAccess } from '../../admin/companies/access.js'
import { nextContractCode } from '../../admin/companies/contracts.queries.js'
import { notify } from '../../notifications/notifications.queries.js'
import { FE_COMMITMENT_MONTHS, ladderOf } from '../../support-level/ladder.js'
import { textInput, type EffectContext, type EffectOutcome } from './effect-context.js'
import { OrderEffectRefused } from './effect-refused.js'
import { effectLimit } from '../effects.js'
import { insertContract, tenantOrdererStanding } from './effects.queries.js'

export async function applyCreateTenant({ trx, order, contract, input, actor, now }: EffectContext): Promise<EffectOutcome> {
  const name = textInput(input, 'name')
  const level = textInput(input, 'level')
  const ladder = ladderOf(contract.offer)
  if (name.length > (effectLimit('create_tenant', 'tenant_name') ?? 0) || !ladder?.levels.includes(level)) throw new OrderEffectRefused('completion.refused.bad_input')
  const standing = await tenantOrdererStanding(trx, contract, order.ordered_by)
  if (!standing.optionHeld) throw new OrderEffectRefused('completion.refused.tenant_option_lost')
  if (!standing.ofTheCompany) throw new OrderEffectRefused('completion.refused.tenant_not_company')
  const code = await nextContractCode(trx)
  const at = now.toISOString()
  const tenant = await insertContract(trx, {
    code, name, company_id: contract.company_id, offer: contract.offer, status: 'active', support_level: level,
    // A Flexible Engine level commits six months from the 1st of next month, as a change does.
    support_commitment_end: ladder.kind === 'fe' ? commitmentEnd(firstOfNextMonth(now), FE_COMMITMENT_MONTHS) : null,
    referent_user_id: order.ordered_by, domain_owner_user_id: order.ordered_by, ref1: null, ref2: null, ref3: null,
    budget_cents: null, budget_threshold_percent: null, grouping_contract_id: null, start_date: parisDay(now), created_at: at, updated_at: at,
  })
  await writeAudit(trx, {
    action: 'order.tenant_created', actorUserId: actor.userId, contractId: tenant.id, targetUserId: order.ordered_by, ip: actor.ip,
    details: { code, name, offer: tenant.offer, support_level: level, ordered_from: contract.code },
  })
  await grantAccess(trx, tenant, order.ordered_by, 'highest', actor)
  await notify(trx, order.ordered_by, 'tenant_created', { contract: `${name} (${code})` }, `/contracts/${code}`)
  return { before: null, after: { contract: code, name, support_level: level, referent_user_id: order.ordered_by } }
}
