// The contract's new name, everywhere at once. A multi-services grouping
// contract is renamed through the account manager, never by an order.
import { textInput, type EffectContext, type EffectOutcome } from './effect-context.js'
import { OrderEffectRefused } from './effect-refused.js'

/** contracts.name is shown in every list: the same limit as the order form's field. */
export const CONTRACT_NAME_MAX = 100

export async function applyRenameContract({ trx, contract, input, now }: EffectContext): Promise<EffectOutcome> {
  if (contract.offer === 'multi_services') throw new OrderEffectRefused('completion.refused.grouping_contract')
  const name = textInput(input, 'name')
  if (name.length > CONTRACT_NAME_MAX) throw new OrderEffectRefused('completion.refused.bad_input')
  await trx.updateTable('contracts').set({ name, updated_at: now.toISOString() }).where('id', '=', contract.id).execute()
  return { before: { name: contract.name }, after: { name } }
}
