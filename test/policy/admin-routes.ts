// The back-office's routes with their staff area: part of the reviewed list
// of routes.test.ts, one file per area in ./admin/. Which roles open each
// area is src/policy/staff-table.ts.
import { companiesRoutes } from './admin/companies.js'
import { usersRoutes } from './admin/users.js'
import { platformsRoutes } from './admin/platforms.js'
import { inboxRoutes } from './admin/inbox.js'
import { recordsRoutes } from './admin/records.js'
import { requestsRoutes } from './admin/requests.js'
import { invoicingRoutes } from './admin/invoicing.js'
import { catalogRoutes } from './admin/catalog.js'
import { changeCatalogRoutes } from './admin/change-catalog.js'

export const ADMIN_EXPECTED = [
  'GET /admin {"staff":"dashboard"}',
  ...companiesRoutes, ...usersRoutes, ...platformsRoutes, ...inboxRoutes, ...recordsRoutes, ...requestsRoutes, ...invoicingRoutes, ...catalogRoutes, ...changeCatalogRoutes,
]
