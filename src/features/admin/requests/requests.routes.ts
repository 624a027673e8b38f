// The request queue (PRODUCT.md, "Back-office"; issue 8 §6): every contract's
// requests, taken, answered (or noted internally) and moved through their
// life cycle by support and account managers. Every route is the `requests`
// area of the staff table.
import type { FastifyInstance } from 'fastify'
import { acceptAttachments } from '../../requests/attachments.js'
import { listRequests } from './list.handler.js'
import { downloadAttachment, showRequest } from './request.handler.js'
import { changeStatus, comment, take } from './actions.handler.js'
import { COMMENT_MAX } from './request.forms.js'

const requests = { policy: { staff: 'requests' as const } }

export async function adminRequestsRoutes(app: FastifyInstance) {
  app.get('/admin/requests', { config: requests }, listRequests)
  app.get('/admin/requests/:number', { config: requests }, showRequest)
  app.get('/admin/requests/:number/attachments/:id', { config: requests }, downloadAttachment)
  app.post('/admin/requests/:number/take', { config: requests }, take)
  app.post('/admin/requests/:number/status', { config: requests }, changeStatus)
  // Multipart only where a file may come: the reply form (body, visibility, _csrf, one spare).
  // A message of COMMENT_MAX characters takes up to 4 bytes each in UTF-8: a
  // longer field arrives cut, and a cut one is still over COMMENT_MAX (refused).
  await app.register(async (scope) => {
    await acceptAttachments(scope, { fields: 4, fieldSize: 4 * COMMENT_MAX + 1024 })
    scope.post('/admin/requests/:number/comments', { config: requests }, comment)
  })
}
