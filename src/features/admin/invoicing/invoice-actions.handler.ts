// What staff do with an issued document: publish it, issue a credit note
// against it (published at once, like the invoice it corrects), record a
// payment. One transaction each, then a notice on the document's page.
import type { FastifyReply, FastifyRequest } from 'fastify'
import { creditableCents, issueCreditNote, publishInvoice, recordPayment } from '../../bills/invoicing.js'
import { CreditRefused } from '../../bills/invoicing-credit-notes.js'
import { creditErrors, paymentErrors, readCreditForm, readPaymentForm } from './invoicing.forms.js'
import { renderInvoice, targetInvoice } from './invoices.handler.js'

const pageOf = (number: string) => `/admin/billing/invoices/${number}`

// POST /admin/billing/invoices/:number/publish
export async function publish(request: FastifyRequest, reply: FastifyReply) {
  const invoice = await targetInvoice(request)
  const now = new Date()
  const published = await request.server.db.transaction().execute(async (trx) => {
    // A credit note shown before the invoice it corrects would show the customer a correction of nothing.
    if (invoice.kind === 'credit_note' && invoice.corrects_invoice_id !== null) {
      const corrected = await trx.selectFrom('invoices').select(['number', 'published_at']).where('id', '=', invoice.corrects_invoice_id).executeTakeFirstOrThrow()
      if (!corrected.published_at) return { refused: corrected.number }
    }
    return publishInvoice(trx, invoice, { now, publicUrl: request.server.config.publicUrl, staffId: request.user!.id })
  })
  if (typeof published === 'object') {
    return renderInvoice(request, reply, invoice, { publish: { errors: { publish: { key: 'admin.invoicing.publish.error.invoice_unpublished', params: { invoice: published.refused } } } } }, 422)
  }
  reply.flash(published ? 'success' : 'info', published ? 'admin.invoicing.publish.done' : 'admin.invoicing.publish.already', { number: invoice.number })
  return reply.redirect(pageOf(invoice.number), 303)
}

// POST /admin/billing/invoices/:number/credit-note (amount, reason)
export async function creditNote(request: FastifyRequest, reply: FastifyReply) {
  const invoice = await targetInvoice(request)
  const form = readCreditForm(request.body)
  if (invoice.kind !== 'invoice') return renderInvoice(request, reply, invoice, { credit: { values: { ...form }, errors: { amount: 'admin.invoicing.credit.error.not_invoice' } } }, 422)
  const { cents, errors } = creditErrors(form, await creditableCents(request.server.db, invoice))
  if (errors || cents === undefined) return renderInvoice(request, reply, invoice, { credit: { values: { ...form }, errors: errors ?? {} } }, 422)
  const now = new Date()
  const staffId = request.user!.id
  let note
  try {
    note = await request.server.db.transaction().execute(async (trx) => {
      const issued = await issueCreditNote(trx, invoice, { amountCents: cents, reason: form.reason, now, staffId })
      if (invoice.published_at) await publishInvoice(trx, issued, { now, publicUrl: request.server.config.publicUrl, staffId })
      return issued
    })
  } catch (error) {
    // Another credit note issued meanwhile took what remained creditable.
    if (!(error instanceof CreditRefused)) throw error
    return renderInvoice(request, reply, invoice, { credit: { values: { ...form }, errors: { amount: 'admin.invoicing.credit.error.refused' } } }, 422)
  }
  reply.flash('success', 'admin.invoicing.credit.done', { number: note.number, invoice: invoice.number })
  return reply.redirect(pageOf(note.number), 303)
}

// POST /admin/billing/invoices/:number/payments (amount, received_on, reference)
export async function payment(request: FastifyRequest, reply: FastifyReply) {
  const invoice = await targetInvoice(request)
  const form = readPaymentForm(request.body)
  const now = new Date()
  const { cents, errors } = paymentErrors(form, now)
  if (invoice.kind !== 'invoice') return renderInvoice(request, reply, invoice, { payment: { values: { ...form }, errors: { amount: 'admin.invoicing.payment.error.not_invoice' } } }, 422)
  if (!invoice.published_at) return renderInvoice(request, reply, invoice, { payment: { values: { ...form }, errors: { amount: 'admin.invoicing.payment.error.unpublished' } } }, 422)
  if (errors || cents === undefined) return renderInvoice(request, reply, invoice, { payment: { values: { ...form }, errors: errors ?? {} } }, 422)
  await request.server.db.transaction().execute((trx) =>
    recordPayment(trx, invoice, { amountCents: cents, receivedOn: form.received_on, reference: form.reference, now, staffId: request.user!.id }))
  reply.flash('success', 'admin.invoicing.payment.done', { amount: request.i18n.fmt.money(cents), number: invoice.number })
  return reply.redirect(pageOf(invoice.number), 303)
}
