import type { FastifyInstance } from 'fastify'
import { findAccount, findCompanyOfUser } from './account.queries.js'
import { listSessions } from '../security/security.queries.js'

export async function accountRoutes(app: FastifyInstance) {
  app.get('/account', { config: { policy: 'authenticated' } }, async (request, reply) => {
    const account = await findAccount(app.db, request.user!.id)
    const [company, sessions] = await Promise.all([findCompanyOfUser(app.db, account.company_id), listSessions(app.db, account.id, request.session.sessionId)])
    return reply.render('account/index', { account, company, sessionCount: sessions.length })
  })
}
