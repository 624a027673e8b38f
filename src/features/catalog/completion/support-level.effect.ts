// A support level ordered from the catalog is decided again at completion,
// from the contract's state now (a change may have happened since the
// order): an upgrade applies at once (Cloud Avenue) or from the 1st of next
// month (Flexible Engine), recorded as asked by the orderer; anything else
// (the same level, a lower one, a level the offer lacks) is refused.
import { parisDay } from '../../../lib/paris-calendar.js'
import { decideChange } from '../../support-level/ladder.js'
import { supportStateOf } from '../../support-level/support-level.queries.js'
import { applyUpgradeNow, scheduleUpgrade } from '../../support-level/support-level.writes.js'
import { textInput, type EffectContext, type EffectOutcome } from './effect-context.js'
import { OrderEffectRefused } from './effect-refused.js'
import { ordererAsRequester } from './effects.queries.js'

export async function applySupportLevel({ trx, order, contract, input, actor, now }: EffectContext): Promise<EffectOutcome> {
  const level = textInput(input, 'level')
  const state = await supportStateOf(trx, contract)
  const decision = decideChange(state, level, now)
  const before = { level: contract.support_level, pending: state.pendingLevel }
  const by = await ordererAsRequester(trx, order.ordered_by, actor.ip)
  if (decision.outcome === 'immediate') {
    await applyUpgradeNow(trx, contract, level, by, now, parisDay(now))
    return { before, after: { level, billed_from: decision.billedFrom } }
  }
  if (decision.outcome === 'scheduled') {
    await scheduleUpgrade(trx, contract, level, decision, by, now)
    return { before, after: { pending: level, effective_on: decision.effectiveOn, commitment_end: decision.commitmentEnd } }
  }
  const why = decision.outcome === 'refused' ? decision.error : 'downgrade'
  throw new OrderEffectRefused(`completion.refused.support_level.${why}`, { level: level.charAt(0).toUpperCase() + level.slice(1) })
}
