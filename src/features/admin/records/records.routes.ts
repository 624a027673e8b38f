// The back-office's records: the audit log (area `audit`), the email log
// (area `emails`) and billing contacts (area `billing`). Each route declares
// its area; the staff guard decides who opens it (src/policy/staff-table.ts).
import type { FastifyInstance } from 'fastify'
import { auditRoutes } from './audit.routes.js'
import { billingRoutes } from './billing.routes.js'
import { emailsRoutes } from './emails.routes.js'

export async function adminRecordsRoutes(app: FastifyInstance) {
  await app.register(auditRoutes)
  await app.register(emailsRoutes)
  await app.register(billingRoutes)
}
