import type { FastifyInstance } from 'fastify'
import { findAccount, findCompanyOfUser, listSessionsOfUser } from './account.queries.js'

export async function accountRoutes(app: FastifyInstance) {
  app.get('/account', { config: { policy: 'authenticated' } }, async (request, reply) => {
    const account = await findAccount(app.db, request.user!.id)
    const [company, sessions] = await Promise.all([findCompanyOfUser(app.db, account.company_id), listSessionsOfUser(app.db, account.id)])
    return reply.render('account/index', { account, company, sessionCount: sessions.length })
  })
}
