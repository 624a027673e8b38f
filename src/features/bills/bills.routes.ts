// The Bills section: the simulation to date, the month's consumption, the
// invoices history, the account statement and the administrative contact.
// The files (reports, PDFs, zip) are in downloads.routes.ts.
import type { FastifyInstance } from 'fastify'
import { saveAdminContact } from './admin-contact.handler.js'
import { showBillsPage } from './page.handler.js'
import { downloadStatement, showStatement } from './statement.handler.js'

const billingVisitor = { policy: { section: 'billing' as const, level: 'visitor' as const } }
const billingManager = { policy: { section: 'billing' as const, level: 'manager' as const } }
const referent = { policy: { section: 'billing' as const, level: 'visitor' as const, referentOnly: true } }

export async function billsRoutes(app: FastifyInstance) {
  app.get('/bills', { config: { policy: { ...billingVisitor.policy, defaultContract: true } } }, showBillsPage)
  app.get('/bills/:code/statement', { config: billingManager }, showStatement)
  app.get('/bills/:code/statement.csv', { config: billingManager }, downloadStatement)
  app.post('/bills/:code/admin-contact', { config: referent }, saveAdminContact)
}
