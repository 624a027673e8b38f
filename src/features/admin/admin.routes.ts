// The back-office, under /admin: every route declares `{ staff: <area> }`
// (src/policy/staff-table.ts) and the route-policy plugin refuses an /admin
// route without one. One plugin per area.
import type { FastifyInstance } from 'fastify'
import { adminDashboardRoutes } from './dashboard/dashboard.routes.js'

export async function adminRoutes(app: FastifyInstance) {
  await app.register(adminDashboardRoutes)
}
