import type { FastifyInstance } from 'fastify'
import { sectionsByLevel } from '../../policy/index.js'
import { listContractsOfUser } from './home.queries.js'

export async function homeRoutes(app: FastifyInstance) {
  app.get('/', { config: { policy: 'authenticated' } }, async (request, reply) => {
    // Staff hold no contract: their home is the back-office.
    if (request.user!.is_staff === 1) return reply.redirect('/admin', 302)
    const contracts = await listContractsOfUser(app.db, request.user!.id)
    return reply.render('home/index', { contracts: contracts.map((rights) => ({ contract: rights.contract, roles: sectionsByLevel(rights) })) })
  })
}
