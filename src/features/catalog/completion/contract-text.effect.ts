// The two referent-only effects: the contract's new name (everywhere at once)
// and the external reference (REF1) printed on the invoices issued from now
// on. Both are re-checked against the contract as it is at completion: a
// multi-services grouping contract changes through its account manager, never
// by an order, and the orderer must still be the contract's referent (it may
// have changed hands since the order). The value's limit is the effects table's.
import { isContractReferent } from '../../../policy/index.js'
import { refusesReferentServices } from '../catalog.queries.js'
import { effectLimit } from '../effects.js'
import { textInput, type Effect, type EffectContext } from './effect-context.js'
import { OrderEffectRefused } from './effect-refused.js'
import { setContractText } from './effects.queries.js'

function contractTextEffect(column: 'name' | 'ref1', effect: 'rename_contract' | 'set_ref1', field: string): Effect {
  return async ({ trx, order, contract, input, now }: EffectContext) => {
    if (refusesReferentServices(contract)) throw new OrderEffectRefused('completion.refused.grouping_contract')
    if (!isContractReferent(contract, order.ordered_by)) throw new OrderEffectRefused('completion.refused.not_referent')
    const value = textInput(input, column)
    if (value.length > (effectLimit(effect, field) ?? 0)) throw new OrderEffectRefused('completion.refused.bad_input')
    await setContractText(trx, contract.id, column, value, now.toISOString())
    return { before: { [column]: contract[column] }, after: { [column]: value } }
  }
}

/** orders.effect_json { name }: from the order form's `new_name`. */
export const applyRenameContract = contractTextEffect('name', 'rename_contract', 'new_name')
/** orders.effect_json { ref1 }: from the order form's `ref1`. */
export const applyRef1 = contractTextEffect('ref1', 'set_ref1', 'ref1')
