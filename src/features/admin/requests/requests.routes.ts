// The request queue (PRODUCT.md, "Back-office"; issue 8 §6): every contract's
// requests, taken, answered (or noted internally) and moved through their
// life cycle by support and account managers. Every route is the `requests`
// area of the staff table.
import type { FastifyInstance } from 'fastify'
import { acceptAttachments } from '../../requests/attachments.js'
import { listRequests } from './list.handler.js'
import { downloadAttachment, showRequest } from './request.handler.js'
import { changeStatus, comment, take } from './actions.handler.js'

const requests = { policy: { staff: 'requests' as const } }

export async function adminRequestsRoutes(app: FastifyInstance) {
  app.get('/admin/requests', { config: requests }, listRequests)
  app.get('/admin/requests/:number', { config: requests }, showRequest)
  app.get('/admin/requests/:number/attachments/:id', { config: requests }, downloadAttachment)
  app.post('/admin/requests/:number/take', { config: requests }, take)
  app.post('/admin/requests/:number/status', { config: requests }, changeStatus)
  // Multipart only where a file may come: the reply form (body, visibility, _csrf).
  await app.register(async (scope) => {
    await acceptAttachments(scope, { fields: 4 })
    scope.post('/admin/requests/:number/comments', { config: requests }, comment)
  })
}
