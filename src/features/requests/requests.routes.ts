// The Requests section: the list of the user's requests and its CSV export.
// Not about one contract: the requests come from every contract of the
// user's scope (src/policy/request-scope.ts), so the policy is
// 'authenticated' and a contract filter outside the scope is a 404.
import type { FastifyInstance } from 'fastify'
import { exportRequests } from './export.handler.js'
import { listRequestsPage } from './list.handler.js'

const POLICY = { policy: 'authenticated' } as const

export async function requestsRoutes(app: FastifyInstance) {
  app.get('/requests', { config: POLICY }, listRequestsPage)
  app.get('/requests/export.csv', { config: POLICY }, exportRequests)
}
