// POST /requests/:number/comments: a customer's message with an optional
// attachment, written in one transaction; on a recently completed request it
// reopens it (comment.rules.ts). A closed conversation, a bad message or file
// comes back on the page (422, 413) with nothing written.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Executor } from '../../db/database.js'
import { ForbiddenError } from '../../lib/http-errors.js'
import { checkAttachment, insertAttachment, type CheckedAttachment } from './attachments.js'
import { assertMayComment } from './comment.access.js'
import { commentErrors, readComment, type CommentForm } from './comment.form.js'
import { commentEffect, readCommentState, REOPEN_NOTE } from './comment.rules.js'
import { renderRequest } from './details.handler.js'
import { targetRequest } from './details.target.js'
import { requestNumber } from './request-number.js'
import { notifyAssigneeOfCustomerComment } from './staff-notifications.js'
import { insertComment, recordStatusChange } from './requests.writes.js'
import type { VisibleRequest } from './visibility.js'

export async function addComment(request: FastifyRequest, reply: FastifyReply) {
  const req = await targetRequest(request)
  await assertMayComment(request.server.db, request.user!.id, req)
  if (req.contract_status !== 'active') throw new ForbiddenError({ section: 'contract_status', level: req.contract_status })
  const form = readComment(request.body)
  const file = checkAttachment(request)
  const now = new Date()
  // Closed as read: that answer comes before the message's own errors (the page has no form to show them in).
  if (commentEffect(req, now) === 'closed') return refuseClosed(request, reply, req, form)
  const errors = { ...commentErrors(form), ...(file.ok ? {} : file.errors) }
  if (Object.keys(errors).length > 0) return renderRequest(request, reply, req, { values: form, errors }, file.ok ? 422 : file.status)
  const comment = { authorId: request.user!.id, body: form.body, attachment: file.ok ? file.attachment : undefined }
  const written = await request.server.db.transaction().execute((trx) => writeComment(trx, req.id, comment, now))
  // Closed by staff since it was read: the page shows it as it now is.
  if (written === 'closed') return refuseClosed(request, reply, await targetRequest(request), form)
  reply.flash('success', written === 'reopened' ? 'requests.comment.flash.reopened' : 'requests.comment.flash.sent')
  return reply.redirect(`/requests/${requestNumber(req.id)}#comments`, 303)
}

function refuseClosed(request: FastifyRequest, reply: FastifyReply, req: VisibleRequest, form: CommentForm) {
  return renderRequest(request, reply, req, { values: form, errors: { 'comment-closed': 'requests.comment.closed' } }, 422)
}

/** Decides on the request's status as it is inside the transaction, so a status change since the page can't let a
 * comment onto a closed request, nor reopen one outside its window; 'closed' writes nothing. */
async function writeComment(trx: Executor, requestId: number, comment: { authorId: number; body: string; attachment?: CheckedAttachment }, now: Date): Promise<'closed' | 'sent' | 'reopened'> {
  const current = await readCommentState(trx, requestId)
  const effect = commentEffect(current, now)
  if (effect === 'closed') return 'closed'
  const commentId = await insertComment(trx, { requestId, authorId: comment.authorId, body: comment.body, internal: false, now })
  if (comment.attachment) await insertAttachment(trx, { requestId, commentId, uploadedBy: comment.authorId, file: comment.attachment, now })
  await notifyAssigneeOfCustomerComment(trx, { requestId, authorId: comment.authorId })
  if (effect !== 'reopen') return 'sent'
  return (await recordStatusChange(trx, { request: current, to: 'in_progress', byUserId: comment.authorId, note: REOPEN_NOTE, now })) ? 'reopened' : 'sent'
}
