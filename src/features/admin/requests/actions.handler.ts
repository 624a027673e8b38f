// What staff do with a request: take it, answer the customer or note for
// colleagues, move its status. Each is one transaction with its audit row
// (and the customer's notifications), then a notice on the request page.
import type { FastifyReply, FastifyRequest } from 'fastify'
import { OrderEffectRefused } from '../../catalog/completion/effect-refused.js'
import { checkAttachment } from '../../requests/attachments.js'
import { requestNumber } from '../../requests/request-number.js'
import { commentErrors, readComment, readStatusForm, readTakeForm, statusErrors } from './request.forms.js'
import { renderRequest, targetRequest } from './request.handler.js'
import { addStaffComment, changeRequestStatus, takeRequest, type StaffActor } from './request.writes.js'

function actorOf(request: FastifyRequest): StaffActor {
  return { userId: request.user!.id, name: `${request.user!.first_name} ${request.user!.last_name}`, ip: request.ip, roles: request.staff!.roles }
}

const pageOf = (id: number) => `/admin/requests/${requestNumber(id)}`

// POST /admin/requests/:number/take, with who the page showed had it (hidden `assigned`)
export async function take(request: FastifyRequest, reply: FastifyReply) {
  const found = await targetRequest(request)
  const read = readTakeForm(request.body)
  if (!read) return renderRequest(request, reply, found, { errors: { take: 'admin.requests.error.take_unread' } }, 422)
  if (found.assigned_user_id !== request.user!.id) {
    // Someone took it since the page: before this request read it (found), or in between (takeRequest's condition).
    const taken = found.assigned_user_id === read.assigned &&
      await request.server.db.transaction().execute((trx) => takeRequest(trx, found, actorOf(request), new Date()))
    if (!taken) return renderRequest(request, reply, await targetRequest(request), { errors: { take: 'admin.requests.error.taken_meanwhile' } }, 409)
  }
  reply.flash('success', 'admin.requests.take.done', { number: requestNumber(found.id) })
  return reply.redirect(pageOf(found.id), 303)
}

// POST /admin/requests/:number/comments (multipart when a file comes with it)
export async function comment(request: FastifyRequest, reply: FastifyReply) {
  const found = await targetRequest(request)
  const form = readComment(request.body)
  const file = checkAttachment(request)
  const errors = { ...commentErrors(form), ...(file.ok ? {} : file.errors) }
  if (Object.keys(errors).length > 0) return renderRequest(request, reply, found, { values: form, errors }, file.ok ? 422 : file.status)
  const visibility = form.visibility === 'internal' ? 'internal' : 'customer'
  const attachment = file.ok ? file.attachment : undefined
  await request.server.db.transaction().execute((trx) =>
    addStaffComment(trx, found, { body: form.body, visibility, attachment }, actorOf(request), new Date(), request.server.config.publicUrl))
  reply.flash('success', visibility === 'internal' ? 'admin.requests.comment.noted' : 'admin.requests.comment.replied')
  return reply.redirect(pageOf(found.id), 303)
}

// POST /admin/requests/:number/status
export async function changeStatus(request: FastifyRequest, reply: FastifyReply) {
  const found = await targetRequest(request)
  const form = readStatusForm(request.body)
  const { to, errors } = statusErrors(form, found.status)
  if (!to) return renderRequest(request, reply, found, { values: form, errors }, 422)
  const moved = await request.server.db.transaction().execute((trx) =>
    changeRequestStatus(trx, found, { to, reason: form.reason }, actorOf(request), new Date(), request.server.config.publicUrl))
    .catch((error: unknown) => {
      // The order's effect can't apply (409: reject it with a reason) or needs another staff role (403): nothing was written.
      if (error instanceof OrderEffectRefused) return error
      throw error
    })
  if (moved instanceof OrderEffectRefused) return renderRequest(request, reply, found, { values: form, errors: { status: { key: moved.key, params: moved.params } } }, moved.status)
  if (!moved) return renderRequest(request, reply, await targetRequest(request), { values: form, errors: { status: 'admin.requests.error.changed_meanwhile' } }, 409)
  reply.flash('success', 'admin.requests.status.done', { number: requestNumber(found.id), status: request.i18n.t(`requests.status.${to}`) })
  return reply.redirect(pageOf(found.id), 303)
}
