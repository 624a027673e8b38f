// The back-office, under /admin: every route declares `{ staff: <area> }`
// (src/policy/staff-table.ts) and the route-policy plugin refuses an /admin
// route without one. One folder per area, each registering its routes here.
import type { FastifyInstance } from 'fastify'
import { adminDashboardRoutes } from './dashboard/dashboard.routes.js'
import { adminCompaniesRoutes } from './companies/companies.routes.js'
import { adminUsersRoutes } from './users/users.routes.js'
import { adminPlatformsRoutes } from './platforms/platforms.routes.js'
import { adminInboxRoutes } from './inbox/inbox.routes.js'
import { adminRequestsRoutes } from './requests/requests.routes.js'
import { adminRecordsRoutes } from './records/records.routes.js'
import { adminInvoicingRoutes } from './invoicing/invoicing.routes.js'
import { adminDocumentsRoutes } from './documents/documents.routes.js'
import { adminCatalogRoutes } from './catalog/catalog.routes.js'
import { adminChangeCatalogRoutes } from './change-catalog/change-catalog.routes.js'

export async function adminRoutes(app: FastifyInstance) {
  await app.register(adminDashboardRoutes)
  await app.register(adminCompaniesRoutes)
  await app.register(adminUsersRoutes)
  await app.register(adminPlatformsRoutes)
  await app.register(adminRequestsRoutes)
  await app.register(adminInboxRoutes)
  await app.register(adminRecordsRoutes)
  await app.register(adminInvoicingRoutes)
  await app.register(adminDocumentsRoutes)
  await app.register(adminCatalogRoutes)
  await app.register(adminChangeCatalogRoutes)
}
