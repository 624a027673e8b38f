// The inbox (PRODUCT.md, "Back-office"): the messages customers send their
// account manager from "My company", and from Need help their messages to a
// customer advisor and their call backs; with status (a call back is handled
// once made), assignment and a reply by email. Every route
// is the `inbox` area of the staff table.
import type { FastifyInstance } from 'fastify'
import { listInbox } from './list.handler.js'
import { showMessage } from './message.handler.js'
import { assign, changeStatus, replyByEmail } from './actions.handler.js'

const inbox = { policy: { staff: 'inbox' as const } }

export async function adminInboxRoutes(app: FastifyInstance) {
  app.get('/admin/inbox', { config: inbox }, listInbox)
  app.get('/admin/inbox/:id', { config: inbox }, showMessage)
  app.post('/admin/inbox/:id/assign', { config: inbox }, assign)
  app.post('/admin/inbox/:id/reply', { config: inbox }, replyByEmail)
  app.post('/admin/inbox/:id/status', { config: inbox }, changeStatus)
}
