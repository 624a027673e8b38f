// The external reference (REF1) printed on the invoices issued from now on.
// A multi-services grouping contract's references change through the account
// manager, never by an order.
import { textInput, type EffectContext, type EffectOutcome } from './effect-context.js'
import { OrderEffectRefused } from './effect-refused.js'

export const REF1_MAX = 50

export async function applyRef1({ trx, contract, input, now }: EffectContext): Promise<EffectOutcome> {
  if (contract.offer === 'multi_services') throw new OrderEffectRefused('completion.refused.grouping_contract')
  const ref1 = textInput(input, 'ref1')
  if (ref1.length > REF1_MAX) throw new OrderEffectRefused('completion.refused.bad_input')
  await trx.updateTable('contracts').set({ ref1, updated_at: now.toISOString() }).where('id', '=', contract.id).execute()
  return { before: { ref1: contract.ref1 }, after: { ref1 } }
}
