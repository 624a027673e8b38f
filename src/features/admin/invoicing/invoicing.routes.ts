// Staff billing (area `billing`: billing and admin staff): usage imports,
// closing a month into invoices, publishing them, credit notes and payments.
import type { FastifyInstance } from 'fastify'
import { acceptUploads } from '../../documents/upload.js'
import { importUsage, showImports } from './imports.handler.js'
import { creditNote, payment, publish } from './invoice-actions.handler.js'
import { showInvoice, showInvoices } from './invoices.handler.js'
import { runInvoicing, showRun } from './run.handler.js'

const billing = { policy: { staff: 'billing' as const } }

export async function adminInvoicingRoutes(app: FastifyInstance) {
  app.get('/admin/billing/usage-imports', { config: billing }, showImports)
  app.get('/admin/billing/invoicing', { config: billing }, showRun)
  app.post('/admin/billing/invoicing', { config: billing }, runInvoicing)
  app.get('/admin/billing/invoices', { config: billing }, showInvoices)
  app.get('/admin/billing/invoices/:number', { config: billing }, showInvoice)
  app.post('/admin/billing/invoices/:number/publish', { config: billing }, publish)
  app.post('/admin/billing/invoices/:number/credit-note', { config: billing }, creditNote)
  app.post('/admin/billing/invoices/:number/payments', { config: billing }, payment)
  // Multipart only where the file comes: the usage CSV (file, _csrf).
  await app.register(async (scope) => {
    await acceptUploads(scope, { fields: 2 })
    scope.post('/admin/billing/usage-imports', { config: billing }, importUsage)
  })
}
