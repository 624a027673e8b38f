// The Bills section's files: usage reports (.xlsx, .csv), the simulation
// (.xlsx), invoices and credit notes (.pdf), several at once (.zip).
// Usage reports are open to billing visitors (without prices); everything
// valued is for billing managers (the rights table).
import type { FastifyInstance } from 'fastify'
import { sendInvoicePdf } from './invoice-pdf.handler.js'
import { simulationHandler } from './simulation-workbook.handler.js'
import { usageReportHandler } from './usage-report.handler.js'
import { zipDownloadHandler } from './zip-download.handler.js'

const visitor = { policy: { section: 'billing' as const, level: 'visitor' as const } }
const manager = { policy: { section: 'billing' as const, level: 'manager' as const } }

export interface DownloadsOptions {
  /** The clock: the current month, the simulation's day (tests set it). */
  now?: () => Date
}

export async function billsDownloadsRoutes(app: FastifyInstance, options: DownloadsOptions = {}) {
  const now = options.now ?? (() => new Date())
  app.get('/bills/:code/usage.xlsx', { config: visitor }, usageReportHandler('xlsx', now))
  app.get('/bills/:code/usage.csv', { config: visitor }, usageReportHandler('csv', now))
  app.get('/bills/:code/simulation.xlsx', { config: manager }, simulationHandler(now))
  app.get('/bills/:code/invoices/:number.pdf', { config: manager }, sendInvoicePdf)
  app.post('/bills/:code/download', { config: manager }, zipDownloadHandler(now))
}
