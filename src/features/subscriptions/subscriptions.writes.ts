// Scheduling and withdrawing a cancellation, each in the caller's transaction
// with its audit row; the referent and billing managers are told of a new one
// (in the portal and by email), since it changes what the contract pays.
import type { Executor } from '../../db/database.js'
import { serializeSection } from '../../db/portable.js'
import type { Contract } from '../../db/contracts.table.js'
import { writeAudit } from '../../audit/audit.js'
import { translator } from '../../i18n/index.js'
import { queueEmail } from '../../mail/outbox.js'
import { notify, wants } from '../notifications/notifications.queries.js'
import { firstOfNextMonth, parisDay } from '../../lib/paris-calendar.js'
import { cancellationRecipients, findPendingCancellation, findSubscription, type SubscriptionWithCancellations } from './subscriptions.queries.js'

export interface Actor {
  userId: number
  name: string
  ip: string
}

export function subscriptionsPath(code: string): string {
  return `/contracts/${code}/subscriptions`
}

/** Schedules `quantity` instances for the 1st of next month. Checked again
 * here, inside the transaction: two managers cancelling the last instances at
 * the same moment can't both pass (serialized on PostgreSQL too). Undefined when no longer possible. */
export async function scheduleCancellation(trx: Executor, contract: Contract, subscriptionId: number, quantity: number, actor: Actor, now: Date, publicUrl: string) {
  await serializeSection(trx, `subscription:${subscriptionId}`)
  const subscription = await findSubscription(trx, contract.id, subscriptionId)
  if (!subscription || quantity < 1 || quantity > subscription.cancellable) return undefined
  const effectiveOn = firstOfNextMonth(now)
  await trx.insertInto('subscription_cancellations').values({
    subscription_id: subscription.id, quantity, effective_on: effectiveOn, requested_by: actor.userId,
    requested_at: now.toISOString(), withdrawn_at: null, applied_at: null,
  }).execute()
  const remaining = subscription.cancellable - quantity
  await writeAudit(trx, {
    action: 'subscriptions.cancellation_scheduled', actorUserId: actor.userId, contractId: contract.id, ip: actor.ip,
    details: { subscription_id: subscription.id, kind: subscription.kind, flavour: subscription.flavour, quantity, remaining, effective_on: effectiveOn },
  })
  await tellScheduled(trx, contract, subscription, { quantity, remaining, effectiveOn }, actor, publicUrl)
  return { effectiveOn, remaining }
}

async function tellScheduled(trx: Executor, contract: Contract, subscription: SubscriptionWithCancellations, change: { quantity: number; remaining: number; effectiveOn: string }, actor: Actor, publicUrl: string) {
  const link = subscriptionsPath(contract.code)
  for (const person of await cancellationRecipients(trx, contract)) {
    const date = translator(person.locale).fmt.date(change.effectiveOn)
    await notify(trx, person.id, 'subscription_cancellation_scheduled', { count: change.quantity, flavour: subscription.flavour, contract: contract.name, date }, link)
    if (!(await wants(trx, person.id, 'subscription_cancellation_scheduled', 'email'))) continue
    await queueEmail(trx, {
      to: person.email, locale: person.locale, template: 'subscription_cancellation',
      data: {
        firstName: person.first_name, contractName: contract.name, contractCode: contract.code, kind: subscription.kind,
        flavour: subscription.flavour, region: subscription.region_name ? `${subscription.region_name} (${subscription.region_code})` : subscription.region_code,
        quantity: change.quantity, remaining: change.remaining, effectiveOn: change.effectiveOn, requestedBy: actor.name, link: `${publicUrl}${link}`,
      },
    })
  }
}

/** Withdraws a pending cancellation before its day. Undefined when there is
 * none of that id on the contract, or its day has come (the job applies it). */
export async function withdrawCancellation(trx: Executor, contract: Contract, cancellationId: number, actor: Actor, now: Date) {
  const cancellation = await findPendingCancellation(trx, contract.id, cancellationId)
  if (!cancellation || cancellation.effective_on <= parisDay(now)) return undefined
  await trx.updateTable('subscription_cancellations').set({ withdrawn_at: now.toISOString() })
    .where('id', '=', cancellation.id).where('withdrawn_at', 'is', null).where('applied_at', 'is', null)
    .execute()
  await writeAudit(trx, {
    action: 'subscriptions.cancellation_withdrawn', actorUserId: actor.userId, contractId: contract.id, ip: actor.ip,
    details: { subscription_id: cancellation.subscription_id, cancellation_id: cancellation.id, flavour: cancellation.flavour, quantity: cancellation.quantity, effective_on: cancellation.effective_on },
  })
  return cancellation
}
