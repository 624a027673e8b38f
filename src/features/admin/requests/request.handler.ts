// GET /admin/requests/:number: what the customer sees plus the internal
// notes, the author's contact details, the contract's support level and the
// due time; the forms to take, answer and move the request.
// GET /admin/requests/:number/attachments/:id: one of its files, as a download.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FieldErrors } from '../../../lib/forms.js'
import { NotFoundError } from '../../../lib/http-errors.js'
import { sendAttachment } from '../../requests/attachments.js'
import { requestIdOf, requestNumber } from '../../requests/request-number.js'
import { findCompletionSummary } from '../../catalog/completion/completion-summary.js'
import { STAFF_TRANSITIONS } from '../../requests/request-types.js'
import { answeredFields, findAttachment, findStaffRequest, listAttachments, listComments, listEvents, type StaffRequest } from './request.queries.js'
import { COMMENT_MAX, REASON_MAX } from './request.forms.js'

/** The request an /admin/requests/:number URL names; anything but a request number is nothing (404). */
export async function targetRequest(request: FastifyRequest): Promise<StaffRequest> {
  const id = requestIdOf((request.params as { number: string }).number)
  const found = id === undefined ? undefined : await findStaffRequest(request.server.db, id)
  if (!found) throw new NotFoundError()
  return found
}

export async function showRequest(request: FastifyRequest, reply: FastifyReply) {
  return renderRequest(request, reply, await targetRequest(request))
}

export interface RequestForms {
  values?: { body?: string; visibility?: string; status?: string; reason?: string }
  errors?: FieldErrors
}

/** The request page; a form that comes back with a 422 (413) keeps what was typed and its errors. */
export async function renderRequest(request: FastifyRequest, reply: FastifyReply, found: StaffRequest, forms: RequestForms = {}, status = 200) {
  const db = request.server.db
  const [events, comments, attachments, completion] = await Promise.all([listEvents(db, found.id), listComments(db, found.id), listAttachments(db, found.id),
    found.type === 'order' ? findCompletionSummary(db, found.id) : undefined])
  return reply.code(status).render('admin/requests/show', {
    req: found, number: requestNumber(found.id), completion, fields: answeredFields(found.fields_json), events, comments, attachments,
    moves: STAFF_TRANSITIONS[found.status], values: { body: '', visibility: 'customer', status: '', reason: '', ...forms.values },
    errors: forms.errors ?? {}, commentMax: COMMENT_MAX, reasonMax: REASON_MAX, now: new Date().toISOString(),
  })
}

export async function downloadAttachment(request: FastifyRequest, reply: FastifyReply) {
  const found = await targetRequest(request)
  const raw = (request.params as { id: string }).id
  const file = /^[1-9][0-9]{0,14}$/.test(raw) ? await findAttachment(request.server.db, found.id, Number(raw)) : undefined
  if (!file) throw new NotFoundError()
  return sendAttachment(reply, file)
}
