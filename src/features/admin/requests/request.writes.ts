// What staff do to a request, each in the caller's transaction with its audit
// row (action admin.request.*, the request's number and contract) and, for
// what the customer sees, the author's notifications and emails.
import type { Executor } from '../../../db/database.js'
import { writeAudit } from '../../../audit/audit.js'
import type { StaffRole } from '../../../policy/index.js'
import { insertAttachment, type CheckedAttachment } from '../../requests/attachments.js'
import { notifyStaffReply, notifyStatusChange } from '../../requests/request-notifications.js'
import { completeOrder } from '../../catalog/completion/complete-order.js'
import { requestNumber } from '../../requests/request-number.js'
import type { RequestStatus } from '../../requests/request-types.js'
import { insertComment, recordStatusChange } from '../../requests/requests.writes.js'
import type { StaffRequest } from './request.queries.js'
import type { Visibility } from './request.forms.js'

export interface StaffActor {
  userId: number
  name: string
  ip: string
  /** Their back-office roles: completing some orders needs an area beyond the queue (absent: none beyond it). */
  roles?: readonly StaffRole[]
}

function audit(trx: Executor, request: StaffRequest, actor: StaffActor, action: string, details: Record<string, unknown>) {
  return writeAudit(trx, {
    action: `admin.request.${action}`, actorUserId: actor.userId, contractId: request.contract_id, targetUserId: request.author_user_id, ip: actor.ip,
    details: { request: requestNumber(request.id), ...details },
  })
}

/** Assigns the request to the actor, from whoever the page showed had it (`request`): taking changes no status.
 * false (nothing written) when someone took it meanwhile: two staff taking at once can't both believe they have it. */
export async function takeRequest(trx: Executor, request: StaffRequest, actor: StaffActor, now: Date): Promise<boolean> {
  const read = request.assigned_user_id
  const result = await trx.updateTable('requests').set({ assigned_user_id: actor.userId, updated_at: now.toISOString() })
    .where('id', '=', request.id).where('assigned_user_id', read === null ? 'is' : '=', read)
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) !== 1) return false
  await audit(trx, request, actor, 'taken', { before: request.assignee_login, after_user_id: actor.userId })
  return true
}

/** A reply to the customer (notified) or an internal note (nobody is), with its optional file. */
export async function addStaffComment(trx: Executor, request: StaffRequest, comment: { body: string; visibility: Visibility; attachment?: CheckedAttachment }, actor: StaffActor, now: Date, publicUrl: string): Promise<void> {
  const internal = comment.visibility === 'internal'
  const commentId = await insertComment(trx, { requestId: request.id, authorId: actor.userId, body: comment.body, internal, now })
  if (comment.attachment) await insertAttachment(trx, { requestId: request.id, commentId, uploadedBy: actor.userId, file: comment.attachment, now })
  await audit(trx, request, actor, internal ? 'noted' : 'replied', { comment_id: commentId, attachment: comment.attachment?.fileName ?? null })
  if (!internal) await notifyStaffReply(trx, request, { body: comment.body, staffName: actor.name }, publicUrl)
}

/** Moves the request from the status the page showed; false (nothing written) when someone moved it first. */
export async function changeRequestStatus(trx: Executor, request: StaffRequest, change: { to: RequestStatus; reason: string }, actor: StaffActor, now: Date, publicUrl: string): Promise<boolean> {
  const note = change.reason || null
  const moved = await recordStatusChange(trx, { request, to: change.to, byUserId: actor.userId, note, now })
  if (!moved) return false
  await audit(trx, request, actor, 'status_changed', { before: request.status, after: change.to, reason: note })
  // An order's effect, in this transaction: a refusal throws and undoes the status change too.
  if (change.to === 'completed' && request.type === 'order') await completeOrder(trx, request.id, actor, now)
  await notifyStatusChange(trx, request, { to: change.to, reason: note }, publicUrl)
  return true
}
