// The Rights section: the users of a contract and their roles.
import type { FastifyInstance } from 'fastify'
import { cleanText } from '../../lib/forms.js'
import { contractsPassing, sectionsByLevel } from '../../policy/index.js'
import { listContractUsers } from './rights.queries.js'

export async function rightsRoutes(app: FastifyInstance) {
  app.get('/rights', { config: { policy: { section: 'users', level: 'visitor', defaultContract: true } } }, async (request, reply) => {
    const rights = request.rights!
    const raw = (request.query as Record<string, unknown>).q
    const q = typeof raw === 'string' ? cleanText(raw).slice(0, 100) : ''
    const [users, contracts] = await Promise.all([
      listContractUsers(app.db, rights.contract, q),
      contractsPassing(app.db, request.user!.id, { section: 'users', level: 'visitor' }),
    ])
    const rows = users.map((user) => ({ ...user, roles: sectionsByLevel(user.rights) }))
    return reply.render('rights/index', { contract: rights.contract, contracts, users: rows, q })
  })
}
