// The back-office's companies and contracts (staff area `companies`): the
// companies list, a company, "create a tenant", a contract, its edit and its
// status. Every route is `{ staff: 'companies' }`.
import type { FastifyInstance } from 'fastify'
import { companyListRoutes } from './company-list.routes.js'
import { companyRoutes } from './company.routes.js'
import { contractNewRoutes } from './contract-new.routes.js'
import { contractRoutes } from './contract.routes.js'
import { contractEditRoutes } from './contract-edit.routes.js'
import { contractStatusRoutes } from './contract-status.routes.js'

export async function adminCompaniesRoutes(app: FastifyInstance) {
  await app.register(companyListRoutes)
  await app.register(companyRoutes)
  await app.register(contractNewRoutes)
  await app.register(contractRoutes)
  await app.register(contractEditRoutes)
  await app.register(contractStatusRoutes)
}
