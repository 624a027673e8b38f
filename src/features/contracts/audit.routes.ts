// The contract's audit log, for its referent: who changed which rights, when,
// from where, what before and after.
import type { FastifyInstance } from 'fastify'
import { cleanText } from '../../lib/forms.js'
import { listContractAudit, AUDIT_PAGE_SIZE } from './audit.queries.js'

export async function contractAuditRoutes(app: FastifyInstance) {
  app.get('/contracts/:code/audit', { config: { policy: { section: 'contracts', level: 'visitor', referentOnly: true } } }, async (request, reply) => {
    const query = request.query as Record<string, unknown>
    const filters = {
      login: typeof query.user === 'string' ? cleanText(query.user).toLowerCase().slice(0, 64) : '',
      action: typeof query.action === 'string' ? cleanText(query.action).slice(0, 64) : '',
    }
    const page = Math.max(1, Math.min(10_000, Number.parseInt(String(query.page ?? '1'), 10) || 1))
    const { rows, total, actions } = await listContractAudit(app.db, request.rights!.contract.id, filters, page)
    return reply.render('contracts/audit', { contract: request.rights!.contract, rows, total, actions, filters, page, pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) })
  })
}
