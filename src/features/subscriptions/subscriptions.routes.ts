// A contract's subscriptions (reserved ECS instances, workspaces; FE and FE
// HDS only, which the rights table decides): the list, cancelling some or all
// instances of one from the 1st of next month, withdrawing a cancellation.
// Cancelling takes as many clicks as ordering: list → cancel → confirm.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { NotFoundError } from '../../lib/http-errors.js'
import type { FieldErrors } from '../../lib/forms.js'
import { readQuantity } from './cancellation.form.js'
import { dayBefore, firstOfNextMonth, parisDay } from '../../lib/paris-calendar.js'
import { findSubscription, isCancellationOf, listSubscriptions, type SubscriptionWithCancellations } from './subscriptions.queries.js'
import { scheduleCancellation, subscriptionsPath, withdrawCancellation, type Actor } from './subscriptions.writes.js'

const VISITOR = { policy: { section: 'subscriptions', level: 'visitor' } } as const
const MANAGER = { policy: { section: 'subscriptions', level: 'manager' } } as const

export async function subscriptionsRoutes(app: FastifyInstance) {
  app.get('/contracts/:code/subscriptions', { config: VISITOR }, async (request, reply) => {
    const subscriptions = await listSubscriptions(app.db, request.rights!.contract.id)
    const monthlyTotal = subscriptions.reduce((sum, s) => sum + (s.status === 'active' ? s.quantity * s.monthly_price_cents : 0), 0)
    return reply.render('subscriptions/index', { contract: request.rights!.contract, subscriptions, monthlyTotal, today: parisDay(new Date()) })
  })

  app.get('/contracts/:code/subscriptions/:id/cancel', { config: MANAGER }, async (request, reply) => {
    const subscription = await subscriptionOfUrl(request)
    return renderCancel(request, reply, subscription, String(subscription.cancellable))
  })

  app.post('/contracts/:code/subscriptions/:id/cancel', { config: MANAGER }, async (request, reply) => {
    const subscription = await subscriptionOfUrl(request)
    const form = readQuantity(request.body, subscription.cancellable)
    if (form.error) return renderCancel(request, reply, subscription, form.typed, { quantity: form.error }, 422)
    const { contract } = request.rights!
    const done = await app.db.transaction().execute((trx) => scheduleCancellation(trx, contract, subscription.id, form.quantity!, actorOf(request), new Date(), app.config.publicUrl))
    // Another manager cancelled instances in between: the form again, with the new figures.
    if (!done) return renderCancel(request, reply, (await subscriptionOfUrl(request)), form.typed, { quantity: 'subscriptions.error.changed_meanwhile' }, 422)
    reply.flash('success', 'subscriptions.cancellation_scheduled', { count: form.quantity!, flavour: subscription.flavour, date: request.i18n.fmt.date(done.effectiveOn), remaining: done.remaining })
    return reply.redirect(subscriptionsPath(contract.code), 303)
  })

  app.post('/contracts/:code/subscriptions/cancellations/:cid/withdraw', { config: MANAGER }, async (request, reply) => {
    const { contract } = request.rights!
    const id = idOf((request.params as { cid?: string }).cid)
    const withdrawn = await app.db.transaction().execute((trx) => withdrawCancellation(trx, contract, id, actorOf(request), new Date()))
    if (!withdrawn) {
      if (!(await isCancellationOf(app.db, contract.id, id))) throw new NotFoundError()
      reply.flash('info', 'subscriptions.withdraw_too_late')
    } else {
      reply.flash('success', 'subscriptions.cancellation_withdrawn', { count: withdrawn.quantity, flavour: withdrawn.flavour })
    }
    return reply.redirect(subscriptionsPath(contract.code), 303)
  })
}

function renderCancel(request: FastifyRequest, reply: FastifyReply, subscription: SubscriptionWithCancellations, typed: string, errors: FieldErrors = {}, status = 200) {
  const effectiveOn = firstOfNextMonth(new Date())
  const scheduled = subscription.quantity - subscription.cancellable
  // What remains for the number shown in the field (all by default); a number
  // out of range shows what remains when all are cancelled.
  const shown = /^\d{1,9}$/.test(typed) && Number(typed) >= 1 && Number(typed) <= subscription.cancellable ? Number(typed) : subscription.cancellable
  return reply.code(status).render('subscriptions/cancel', {
    contract: request.rights!.contract, subscription, effectiveOn, lastBilledDay: dayBefore(effectiveOn), scheduled,
    shown, remainingAfter: subscription.cancellable - shown, values: { quantity: typed }, errors,
  })
}

async function subscriptionOfUrl(request: FastifyRequest): Promise<SubscriptionWithCancellations> {
  const id = idOf((request.params as { id?: string }).id)
  const subscription = await findSubscription(request.server.db, request.rights!.contract.id, id)
  if (!subscription) throw new NotFoundError()
  return subscription
}

/** A database id from the URL; anything else names nothing (404). */
function idOf(value: string | undefined): number {
  if (!value || !/^[1-9]\d{0,8}$/.test(value)) throw new NotFoundError()
  return Number(value)
}

function actorOf(request: FastifyRequest): Actor {
  const user = request.user!
  return { userId: user.id, name: `${user.first_name} ${user.last_name}`, ip: request.ip }
}
