// A reservation (reserved instances, workspaces): the subscription starts on
// the 1st of the month after completion in Paris and is committed for the
// offer's months; its instances are taken from what the offer has left, with
// a conditional update so that two completions never sell the same ones.
import { commitmentEnd, firstOfNextMonth } from '../../../lib/paris-calendar.js'
import { countInput, type EffectContext, type EffectOutcome } from './effect-context.js'
import { OrderEffectRefused } from './effect-refused.js'
import { findOffer, takeInstances } from './effects.queries.js'

export async function applySubscription({ trx, order, contract, input, now }: EffectContext): Promise<EffectOutcome> {
  const offerId = countInput(input, 'offerId')
  const quantity = countInput(input, 'quantity')
  const offer = await findOffer(trx, offerId)
  if (!offer || offer.active !== 1) throw new OrderEffectRefused('completion.refused.offer_gone')
  if (!(await takeInstances(trx, offerId, quantity))) throw new OrderEffectRefused('completion.refused.not_enough_instances', { quantity, left: offer.available_quantity })
  const startsOn = firstOfNextMonth(now)
  const at = now.toISOString()
  const subscription = await trx.insertInto('subscriptions').values({
    contract_id: contract.id, kind: offer.kind, region_code: offer.region_code, flavour: offer.flavour, quantity,
    commitment_months: offer.commitment_months, starts_on: startsOn, commitment_end: commitmentEnd(startsOn, offer.commitment_months),
    monthly_price_cents: offer.monthly_price_cents, payment_method: offer.payment_method, status: 'active', created_at: at, updated_at: at,
  }).returning('id').executeTakeFirstOrThrow()
  return {
    before: { offer: offerId, available_quantity: offer.available_quantity },
    after: { offer: offerId, available_quantity: offer.available_quantity - quantity, subscription: subscription.id, starts_on: startsOn, order_quantity: order.quantity },
  }
}
