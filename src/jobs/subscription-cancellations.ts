// Applies the subscription cancellations whose day has come (the 1st of a
// month, Paris calendar): the subscription loses the instances (and ends at
// none), the cancellation is marked applied, the referent and billing
// managers are told. Each cancellation is claimed by a conditional update in
// its own transaction, so a run that repeats or overlaps applies nothing twice.
import type { Executor } from '../db/database.js'
import { writeAudit } from '../audit/audit.js'
import { parisDay } from '../lib/paris-calendar.js'
import { cancellationRecipients } from '../features/subscriptions/subscriptions.queries.js'
import { subscriptionsPath } from '../features/subscriptions/subscriptions.writes.js'
import { notify } from '../features/notifications/notifications.queries.js'
import type { ScheduledJob } from './scheduled.js'

interface DueCancellation {
  id: number
  quantity: number
  subscription_id: number
}

export const subscriptionCancellationsJob: ScheduledJob = {
  name: 'subscription-cancellations',
  everyMs: 60 * 60_000,
  async run({ db }, now) {
    const due = await db.selectFrom('subscription_cancellations')
      .select(['id', 'quantity', 'subscription_id'])
      .where('effective_on', '<=', parisDay(now)).where('applied_at', 'is', null).where('withdrawn_at', 'is', null)
      .orderBy('effective_on').orderBy('id')
      .execute()
    let applied = 0
    for (const cancellation of due) {
      if (await db.transaction().execute((trx) => applyCancellation(trx, cancellation, now))) applied += 1
    }
    return { applied }
  },
}

async function applyCancellation(trx: Executor, cancellation: DueCancellation, now: Date): Promise<boolean> {
  const claimed = await trx.updateTable('subscription_cancellations').set({ applied_at: now.toISOString() })
    .where('id', '=', cancellation.id).where('applied_at', 'is', null).where('withdrawn_at', 'is', null)
    .executeTakeFirst()
  if (claimed.numUpdatedRows !== 1n) return false
  const subscription = await trx.selectFrom('subscriptions').innerJoin('contracts', 'contracts.id', 'subscriptions.contract_id')
    .select(['subscriptions.quantity', 'subscriptions.flavour', 'subscriptions.kind', 'contracts.id as contract_id', 'contracts.code', 'contracts.name', 'contracts.referent_user_id'])
    .where('subscriptions.id', '=', cancellation.subscription_id)
    .executeTakeFirstOrThrow()
  const remaining = Math.max(0, subscription.quantity - cancellation.quantity)
  await trx.updateTable('subscriptions')
    .set({ quantity: remaining, status: remaining === 0 ? 'ended' : 'active', updated_at: now.toISOString() })
    .where('id', '=', cancellation.subscription_id)
    .execute()
  await writeAudit(trx, {
    action: 'subscriptions.cancellation_applied', contractId: subscription.contract_id,
    details: { subscription_id: cancellation.subscription_id, cancellation_id: cancellation.id, flavour: subscription.flavour, quantity: cancellation.quantity, remaining },
  })
  const contract = { id: subscription.contract_id, referent_user_id: subscription.referent_user_id }
  for (const person of await cancellationRecipients(trx, contract)) {
    await notify(trx, person.id, 'subscription_cancellation_applied',
      { count: cancellation.quantity, flavour: subscription.flavour, contract: subscription.name, remaining }, subscriptionsPath(subscription.code))
  }
  return true
}
