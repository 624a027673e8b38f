// The staff list of invoices and credit notes, and one document's page with
// its lines, credit notes, payments and the forms acting on it.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { InvoiceRow } from '../../../db/invoices.table.js'
import { cleanText, field, type FieldErrors } from '../../../lib/forms.js'
import { NotFoundError } from '../../../lib/http-errors.js'
import { creditableCents } from '../../bills/invoicing.js'
import { filterQuery, requestedPage } from '../records/list-params.js'
import { findInvoice, invoiceDetails, listInvoices, type InvoiceFilters } from './invoices.queries.js'

const SEARCH_MAX = 100

function readFilters(query: unknown): { filters: InvoiceFilters; errors: FieldErrors } {
  const filters = { contract: cleanText(field(query, 'contract')).toUpperCase(), month: cleanText(field(query, 'month')), q: cleanText(field(query, 'q')) }
  const errors: FieldErrors = {}
  if (filters.contract && !/^OCB[0-9]{7}$/.test(filters.contract)) errors.contract = 'admin.invoicing.run.error.contract_format'
  if (filters.month && !/^[0-9]{4}-(0[1-9]|1[0-2])$/.test(filters.month)) errors.month = 'admin.invoicing.run.error.month_format'
  if (filters.q.length > SEARCH_MAX) errors.q = { key: 'admin.invoicing.list.error.q_long', params: { max: SEARCH_MAX } }
  return { filters, errors }
}

// GET /admin/billing/invoices?contract=&month=&q=&page=
export async function showInvoices(request: FastifyRequest, reply: FastifyReply) {
  const { filters, errors } = readFilters(request.query)
  const query = filterQuery({ ...filters })
  if (Object.keys(errors).length > 0) return reply.code(422).render('admin/invoicing/invoices', { values: filters, errors, query, rows: [], total: 0, page: 1, pages: 1 })
  const { rows, total, page, pages } = await listInvoices(request.server.db, filters, requestedPage(request.query))
  return reply.render('admin/invoicing/invoices', { values: filters, errors, query, rows, total, page, pages })
}

/** The invoice of the URL, or 404. */
export async function targetInvoice(request: FastifyRequest): Promise<InvoiceRow> {
  const number = (request.params as { number: string }).number
  const invoice = /^[FA][0-9]{4}-[0-9]{6}$/.test(number) ? await findInvoice(request.server.db, number) : undefined
  if (!invoice) throw new NotFoundError()
  return invoice
}

export interface InvoiceForms {
  credit?: { values: Record<string, string>; errors: FieldErrors }
  payment?: { values: Record<string, string>; errors: FieldErrors }
  publish?: { errors: FieldErrors }
}

export async function renderInvoice(request: FastifyRequest, reply: FastifyReply, invoice: InvoiceRow, forms: InvoiceForms = {}, status = 200) {
  const details = await invoiceDetails(request.server.db, invoice)
  const creditable = invoice.kind === 'invoice' ? await creditableCents(request.server.db, invoice) : 0
  // Both forms have an `amount`: on the page they are credit_amount and payment_amount.
  const errors = { ...renamed(forms.credit?.errors, 'credit_amount'), ...renamed(forms.payment?.errors, 'payment_amount'), ...forms.publish?.errors }
  return reply.code(status).render('admin/invoicing/invoice', {
    invoice, ...details, creditable, errors,
    credit: forms.credit?.values ?? { amount: '', reason: '' }, payment: forms.payment?.values ?? { amount: '', received_on: '', reference: '' },
  })
}

function renamed(errors: FieldErrors | undefined, amountId: string): FieldErrors {
  const { amount, ...others } = errors ?? {}
  return amount ? { [amountId]: amount, ...others } : others
}

// GET /admin/billing/invoices/:number
export async function showInvoice(request: FastifyRequest, reply: FastifyReply) {
  return renderInvoice(request, reply, await targetInvoice(request))
}
