// The referent's contract setting "share requests" (PRODUCT.md, "Rights",
// source 004): incidents and change requests are private to their author
// unless the contract shares them among every user who holds the section
// (src/policy/request-scope.ts reads the column). Audited; the same value
// again changes and records nothing.
import type { FastifyInstance } from 'fastify'
import { writeAudit } from '../../audit/audit.js'
import { BadRequestError } from '../../lib/http-errors.js'
import { field } from '../../lib/forms.js'

const VALUES = { yes: 1, no: 0 } as const

export async function shareRequestsRoutes(app: FastifyInstance) {
  app.post('/contracts/:code/share-requests', { config: { policy: { section: 'contracts', level: 'visitor', referentOnly: true } } }, async (request, reply) => {
    const { contract } = request.rights!
    const answer = field(request.body, 'share')
    if (answer !== 'yes' && answer !== 'no') throw new BadRequestError('share must be yes or no')
    const share = VALUES[answer]
    if (share !== contract.share_requests) {
      await app.db.transaction().execute(async (trx) => {
        await trx.updateTable('contracts').set({ share_requests: share, updated_at: new Date().toISOString() }).where('id', '=', contract.id).execute()
        await writeAudit(trx, { action: 'contract.share_requests', actorUserId: request.user!.id, contractId: contract.id, ip: request.ip, details: { before: contract.share_requests, after: share } })
      })
    }
    reply.flash('success', share ? 'contracts.share_requests.on' : 'contracts.share_requests.off')
    return reply.redirect(`/contracts/${contract.code}`, 303)
  })
}
