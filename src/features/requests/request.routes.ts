// One request, seen from the customer side: its page, a comment (with an
// optional attachment, hence multipart on this scope only) and the download
// of its files. Each route finds the request through what the user may see
// (details.target.ts): no role is checked by hand.
import type { FastifyInstance } from 'fastify'
import { acceptAttachments } from './attachments.js'
import { downloadAttachment } from './attachment.handler.js'
import { addComment } from './comment.handler.js'
import { COMMENT_MAX } from './comment.form.js'
import { showRequest } from './details.handler.js'

const signedIn = { policy: 'authenticated' as const }

export async function requestRoutes(app: FastifyInstance) {
  // _csrf and body, plus one spare: a browser may send the submit button's name.
  // A message of COMMENT_MAX characters takes up to 4 bytes each in UTF-8; a
  // longer field arrives cut, and a cut one is still over COMMENT_MAX (refused).
  await acceptAttachments(app, { fields: 3, fieldSize: 4 * COMMENT_MAX + 1024 })
  app.get('/requests/:number', { config: signedIn }, showRequest)
  app.post('/requests/:number/comments', { config: signedIn }, addComment)
  app.get('/requests/:number/attachments/:id', { config: signedIn }, downloadAttachment)
}
