// GET /requests/:number: every field of the request, its expected resolution,
// its status history and the conversation with its attachments, and the
// comment form (or why there is none).
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FieldErrors } from '../../lib/forms.js'
import { commentRole, mayComment } from './comment.access.js'
import { COMMENT_MAX } from './comment.form.js'
import { commentEffect, reopenableUntil } from './comment.rules.js'
import { findChangeItemName, findOrderOfRequest, findPeople, listEvents, listPublicAttachments, listPublicComments } from './details.queries.js'
import { answeredFields } from './details.fields.js'
import { requestNumber } from './request-number.js'
import { OPEN_STATUSES } from './request-types.js'
import { targetRequest } from './details.target.js'
import type { VisibleRequest } from './visibility.js'

export async function showRequest(request: FastifyRequest, reply: FastifyReply) {
  return renderRequest(request, reply, await targetRequest(request))
}

/** The page; a comment form that comes back (422, 413) keeps what was typed and its errors. */
export async function renderRequest(request: FastifyRequest, reply: FastifyReply, req: VisibleRequest, form: { values?: { body: string }; errors?: FieldErrors } = {}, status = 200) {
  const db = request.server.db
  const now = new Date()
  const [people, events, comments, attachments, item, commenter] = await Promise.all([
    findPeople(db, req.author_user_id, req.assigned_user_id), listEvents(db, req.id), listPublicComments(db, req.id),
    listPublicAttachments(db, req.id), req.type === 'change' && req.item_code ? findChangeItemName(db, req.item_code) : req.type === 'order' ? findOrderOfRequest(db, req.id) : undefined,
    mayComment(db, request.user!.id, req),
  ])
  return reply.code(status).render('requests/show', {
    req, number: requestNumber(req.id), ...people, events, comments, item, order: req.type === 'order' ? item : undefined,
    fields: answeredFields(req.fields_json, request.i18n.locale),
    requestFiles: attachments.filter((file) => file.comment_id === null),
    commentFiles: attachments.filter((file) => file.comment_id !== null),
    overdue: req.due_at !== null && OPEN_STATUSES.includes(req.status) && Date.parse(req.due_at) < now.getTime(),
    effect: commentEffect(req, now), reopenUntil: req.completed_at ? reopenableUntil(req.completed_at).toISOString() : null,
    readOnly: req.contract_status !== 'active', mayComment: commenter, commentRole: commentRole(req),
    values: form.values ?? { body: '' }, errors: form.errors ?? {}, commentMax: COMMENT_MAX,
  })
}
