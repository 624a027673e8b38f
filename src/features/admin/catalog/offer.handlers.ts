// A subscription offer: create and edit. Nothing to be unique: two offers may
// differ by their price or payment alone.
// Parallel to category.handlers.ts on purpose (its header says why).
import type { FastifyReply, FastifyRequest } from 'fastify'
import { writeAudit } from '../../../audit/audit.js'
import type { SubscriptionOffer } from '../../../db/catalog.table.js'
import type { FieldErrors } from '../../../lib/forms.js'
import { actorOf } from '../companies/params.js'
import { insertSubscriptionOffer, nextPosition, updateSubscriptionOffer } from './admin-catalog.queries.js'
import { SUBSCRIPTION_KINDS } from '../../../db/subscriptions.table.js'
import { PAYMENT_METHODS, checkOfferForm, emptyOfferForm, offerFormOf, readOfferForm, type OfferForm } from './offer.form.js'
import { offerOfParam } from './params.js'
import { saveEdit } from './audited-edit.js'

// GET /admin/catalog/subscription-offers/new
export async function newOfferPage(_request: FastifyRequest, reply: FastifyReply) {
  return renderForm(reply, { values: emptyOfferForm() })
}

// POST /admin/catalog/subscription-offers/new
export async function createOffer(request: FastifyRequest, reply: FastifyReply) {
  const db = request.server.db
  const form = readOfferForm(request.body)
  const checked = checkOfferForm(form, await nextPosition(db, 'subscription_offers'))
  if ('errors' in checked) return renderForm(reply, { values: form, errors: checked.errors }, 422)
  const actor = actorOf(request)
  await db.transaction().execute(async (trx) => {
    const id = await insertSubscriptionOffer(trx, checked.columns)
    await writeAudit(trx, { action: 'admin.catalog.offer_created', actorUserId: actor.userId, ip: actor.ip, details: { id, ...checked.columns } })
  })
  reply.flash('success', 'admin.catalog.offer_created', { flavour: form.flavour })
  return reply.redirect('/admin/catalog#subscription-offers', 303)
}

// GET /admin/catalog/subscription-offers/:id
export async function offerPage(request: FastifyRequest, reply: FastifyReply) {
  const offer = await offerOfParam(request)
  return renderForm(reply, { offer, values: offerFormOf(offer, request.i18n.locale) })
}

// POST /admin/catalog/subscription-offers/:id
export async function saveOffer(request: FastifyRequest, reply: FastifyReply) {
  const offer = await offerOfParam(request)
  const form = readOfferForm(request.body)
  const checked = checkOfferForm(form, offer.position)
  if ('errors' in checked) return renderForm(reply, { offer, values: form, errors: checked.errors }, 422)
  const actor = actorOf(request)
  await request.server.db.transaction().execute((trx) => saveEdit(trx, {
    action: 'admin.catalog.offer_updated', actor, saved: offer, columns: checked.columns, names: { id: offer.id },
    write: (changed) => updateSubscriptionOffer(trx, offer.id, changed),
  }))
  reply.flash('success', 'admin.catalog.offer_saved', { flavour: form.flavour })
  return reply.redirect('/admin/catalog#subscription-offers', 303)
}

/** The same form creates (no `offer`) and edits. */
function renderForm(reply: FastifyReply, data: { offer?: SubscriptionOffer; values: OfferForm; errors?: FieldErrors }, status = 200) {
  return reply.code(status).render('admin/catalog/offer-form', { offer: undefined, errors: {}, ...data, kinds: SUBSCRIPTION_KINDS, paymentMethods: PAYMENT_METHODS })
}
