// What staff do with a message: assign it, reply by email, mark it handled
// or new again. Each is one transaction with its audit row, then a notice on
// the message page (post/redirect/get).
import type { FastifyReply, FastifyRequest } from 'fastify'
import { listInboxStaff } from './inbox.queries.js'
import { assignMessage, replyToMessage, setMessageStatus, type InboxActor } from './inbox.writes.js'
import { readAssignee, readReply, readStatus, replyErrors } from './inbox.forms.js'
import { renderMessage, targetMessage } from './message.handler.js'

function actorOf(request: FastifyRequest): InboxActor {
  return { userId: request.user!.id, name: `${request.user!.first_name} ${request.user!.last_name}`, ip: request.ip }
}

const messageUrl = (id: number) => `/admin/inbox/${id}`

// POST /admin/inbox/:id/assign
export async function assign(request: FastifyRequest, reply: FastifyReply) {
  const message = await targetMessage(request)
  const staff = await listInboxStaff(request.server.db)
  const { value, assignee, errors } = readAssignee(request.body, staff)
  if (errors || assignee === undefined) return renderMessage(request, reply, message, { values: { assignee: value }, errors, staff }, 422)
  if ((assignee?.id ?? null) !== message.assigned_user_id) {
    await request.server.db.transaction().execute((trx) => assignMessage(trx, message, assignee, actorOf(request)))
  }
  if (assignee) reply.flash('success', 'admin.inbox.assign.done', { name: assignee.name })
  else reply.flash('success', 'admin.inbox.assign.cleared')
  return reply.redirect(messageUrl(message.id), 303)
}

// POST /admin/inbox/:id/reply
export async function replyByEmail(request: FastifyRequest, reply: FastifyReply) {
  const message = await targetMessage(request)
  const form = readReply(request.body)
  const errors = replyErrors(form)
  if (errors) return renderMessage(request, reply, message, { values: form, errors }, 422)
  await request.server.db.transaction().execute((trx) => replyToMessage(trx, message, form, actorOf(request)))
  reply.flash('success', 'admin.inbox.reply.sent', { email: message.sender_email })
  return reply.redirect(messageUrl(message.id), 303)
}

// POST /admin/inbox/:id/status
export async function changeStatus(request: FastifyRequest, reply: FastifyReply) {
  const message = await targetMessage(request)
  const { status, errors } = readStatus(request.body)
  if (!status) return renderMessage(request, reply, message, { errors }, 422)
  if (status !== message.status) await request.server.db.transaction().execute((trx) => setMessageStatus(trx, message, status, actorOf(request)))
  reply.flash('success', status === 'handled' ? 'admin.inbox.status.now_handled' : 'admin.inbox.status.now_new')
  return reply.redirect(messageUrl(message.id), 303)
}
