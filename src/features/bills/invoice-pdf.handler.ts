// GET /bills/:code/invoices/:number.pdf (billing managers): a published
// invoice or credit note of this contract; any other number is a 404 (an
// unpublished one, another contract's, a made-up one alike). Orange Business
// contracts: their invoices are not shown in the customer space, and the
// answer says so (403).
import type { FastifyReply, FastifyRequest } from 'fastify'
import { NotFoundError } from '../../lib/http-errors.js'
import { findPublishedInvoice } from './downloads.queries.js'
import { fileHeaders } from './downloads.stream.js'
import { renderDownloadError } from './downloads.errors.js'
import { invoiceFileName, invoicePdfOf } from './invoice-pdf.js'

const INVOICE_NUMBER = /^[FA]\d{4}-\d{6}$/

export async function sendInvoicePdf(request: FastifyRequest, reply: FastifyReply) {
  const { contract } = request.rights!
  if (contract.offer === 'orange_business') {
    return renderDownloadError(request, reply, [{ value: '', error: 'bills.files.error.orange_business' }], 403)
  }
  const number = String((request.params as Record<string, unknown>).number ?? '')
  const invoice = !INVOICE_NUMBER.test(number) ? undefined : await findPublishedInvoice(request.server.db, contract.id, number)
  if (!invoice) throw new NotFoundError()
  const pdf = await invoicePdfOf(request.server.db, invoice, request.i18n.locale)
  return fileHeaders(reply, 'pdf', invoiceFileName(invoice)).send(pdf)
}
