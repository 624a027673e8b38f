// GET /admin: the staff home, the counts that need action, each linking to
// the list where it is handled (when the staff member's roles open it).
import type { FastifyInstance } from 'fastify'
import { areasOpenTo } from '../../../policy/index.js'
import { countWhatNeedsAction, REQUEST_COUNT_CAP } from './dashboard.queries.js'

export async function adminDashboardRoutes(app: FastifyInstance) {
  app.get('/admin', { config: { policy: { staff: 'dashboard' } } }, async (request, reply) => {
    const counts = await countWhatNeedsAction(app.db)
    const areas = areasOpenTo(request.staff!.roles)
    return reply.render('admin/dashboard/index', { counts, areas, roles: request.staff!.roles, requestCap: REQUEST_COUNT_CAP })
  })
}
