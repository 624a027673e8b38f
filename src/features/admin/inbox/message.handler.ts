// GET /admin/inbox/:id: the message, who sent it and their contracts, the
// replies already sent, and the forms to assign, reply and change its status.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FieldErrors } from '../../../lib/forms.js'
import { NotFoundError } from '../../../lib/http-errors.js'
import { findMessage, listInboxStaff, listReplies, listSenderContracts, type InboxMessage, type InboxStaff } from './inbox.queries.js'
import { REPLY_MAX } from './inbox.forms.js'

/** The message an /admin/inbox/:id URL names; anything but a plain number is nothing (404). */
export async function targetMessage(request: FastifyRequest): Promise<InboxMessage> {
  const raw = (request.params as { id: string }).id
  const message = /^[1-9][0-9]{0,14}$/.test(raw) ? await findMessage(request.server.db, Number(raw)) : undefined
  if (!message) throw new NotFoundError()
  return message
}

export async function showMessage(request: FastifyRequest, reply: FastifyReply) {
  return renderMessage(request, reply, await targetMessage(request))
}

export interface MessageForms {
  values?: { assignee?: string; body?: string; handled?: boolean }
  errors?: FieldErrors
  staff?: InboxStaff[]
}

/** The message page; a form that comes back with a 422 keeps what was typed and its errors. */
export async function renderMessage(request: FastifyRequest, reply: FastifyReply, message: InboxMessage, forms: MessageForms = {}, status = 200) {
  const db = request.server.db
  const [replies, contracts, staff] = await Promise.all([
    listReplies(db, message.id), listSenderContracts(db, message.sender_id), forms.staff ?? listInboxStaff(db),
  ])
  const values = { assignee: message.assignee_login ?? '', body: '', handled: true, ...forms.values }
  return reply.code(status).render('admin/inbox/show', { msg: message, replies, contracts, staff, values, errors: forms.errors ?? {}, replyMax: REPLY_MAX })
}
