// Closing a month (issue 10 §4): every contract or one, a past month; with
// "publish at once" the new invoices are shown to customers and their
// recipients told in the same transaction. A second run issues nothing.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FieldErrors } from '../../../lib/forms.js'
import { closeMonth, publishInvoice } from '../../bills/invoicing.js'
import { utcMonth } from '../../usage/usage.queries.js'
import { readRunForm, runErrors, type RunForm } from './invoicing.forms.js'

/** Last month: the one usually closed. */
function previousMonth(now: Date): string {
  return utcMonth(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)))
}

function renderRun(reply: FastifyReply, values: RunForm, errors: FieldErrors = {}, status = 200) {
  return reply.code(status).render('admin/invoicing/run', { values, errors })
}

// GET /admin/billing/invoicing
export const showRun = (_request: FastifyRequest, reply: FastifyReply) =>
  renderRun(reply, { month: previousMonth(new Date()), contract: '', publish: true })

// POST /admin/billing/invoicing (month, contract, publish)
export async function runInvoicing(request: FastifyRequest, reply: FastifyReply) {
  const form = readRunForm(request.body)
  const now = new Date()
  const errors = runErrors(form, now)
  if (errors) return renderRun(reply, form, errors, 422)
  const db = request.server.db
  const contract = form.contract ? await db.selectFrom('contracts').select(['id', 'grouping_contract_id']).where('code', '=', form.contract).executeTakeFirst() : undefined
  if (form.contract && !contract) return renderRun(reply, form, { contract: 'admin.invoicing.run.error.contract_unknown' }, 422)
  if (contract?.grouping_contract_id) return renderRun(reply, form, { contract: 'admin.invoicing.run.error.contract_grouped' }, 422)
  const staffId = request.user!.id
  const result = await db.transaction().execute(async (trx) => {
    const closed = await closeMonth(trx, { contractId: contract?.id ?? 'all', month: form.month, now, staffId })
    if (form.publish) for (const invoice of closed.issued) await publishInvoice(trx, invoice, { now, publicUrl: request.server.config.publicUrl, staffId })
    return closed
  })
  const numbers = result.issued.map((invoice) => invoice.number)
  const key = numbers.length === 0 ? 'admin.invoicing.run.nothing' : form.publish ? 'admin.invoicing.run.done_published' : 'admin.invoicing.run.done'
  reply.flash(numbers.length === 0 ? 'info' : 'success', key, {
    count: numbers.length, month: form.month, first: numbers[0] ?? '', last: numbers.at(-1) ?? '', skipped: result.skippedNoUsage, existing: result.alreadyInvoiced,
  })
  return reply.redirect(`/admin/billing/invoices?month=${form.month}${form.contract ? `&contract=${form.contract}` : ''}`, 303)
}
