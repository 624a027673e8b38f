// POST /requests/:number/comments: a customer's message with an optional
// attachment, written in one transaction; on a recently completed request it
// reopens it (comment.rules.ts). A closed conversation, a bad message or file
// comes back on the page (422, 413) with nothing written.
import type { FastifyReply, FastifyRequest } from 'fastify'
import { ForbiddenError } from '../../lib/http-errors.js'
import { checkAttachment, insertAttachment } from './attachments.js'
import { assertMayComment } from './comment.access.js'
import { commentErrors, readComment } from './comment.form.js'
import { commentEffect, REOPEN_NOTE } from './comment.rules.js'
import { renderRequest } from './details.handler.js'
import { targetRequest } from './details.target.js'
import { requestNumber } from './request-number.js'
import { notifyAssigneeOfCustomerComment } from './staff-notifications.js'
import { insertComment, recordStatusChange } from './requests.writes.js'

export async function addComment(request: FastifyRequest, reply: FastifyReply) {
  const req = await targetRequest(request)
  await assertMayComment(request.server.db, request.user!.id, req)
  if (req.contract_status !== 'active') throw new ForbiddenError({ section: 'contract_status', level: req.contract_status })
  const form = readComment(request.body)
  const file = checkAttachment(request)
  const now = new Date()
  const effect = commentEffect(req, now)
  if (effect === 'closed') return renderRequest(request, reply, req, { values: form, errors: { 'comment-closed': 'requests.comment.closed' } }, 422)
  const errors = { ...commentErrors(form), ...(file.ok ? {} : file.errors) }
  if (Object.keys(errors).length > 0) return renderRequest(request, reply, req, { values: form, errors }, file.ok ? 422 : file.status)
  const userId = request.user!.id
  const reopened = await request.server.db.transaction().execute(async (trx) => {
    const commentId = await insertComment(trx, { requestId: req.id, authorId: userId, body: form.body, internal: false, now })
    if (file.ok && file.attachment) await insertAttachment(trx, { requestId: req.id, commentId, uploadedBy: userId, file: file.attachment, now })
    await notifyAssigneeOfCustomerComment(trx, { requestId: req.id, authorId: userId })
    // Lost to a staff move in between: the comment stays, the request isn't reopened from a status it no longer has.
    return effect === 'reopen' && (await recordStatusChange(trx, { request: req, to: 'in_progress', byUserId: userId, note: REOPEN_NOTE, now }))
  })
  reply.flash('success', reopened ? 'requests.comment.flash.reopened' : 'requests.comment.flash.sent')
  return reply.redirect(`/requests/${requestNumber(req.id)}#comments`, 303)
}
