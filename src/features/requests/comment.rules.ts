// What a customer's comment does to a request (issue 8 §5): on an open request
// it joins the conversation; on a completed one it reopens it, but only within
// REOPEN_DAYS of completion; a rejected request, or one completed longer ago,
// takes no more comments (the customer opens a new request instead).
import type { Executor } from '../../db/database.js'
import type { RequestRow } from '../../db/requests.table.js'
import { OPEN_STATUSES, REOPEN_DAYS } from './request-types.js'

export type CommentEffect = 'comment' | 'reopen' | 'closed'

/** The note of the history row a reopening comment writes (the page says "reopened by a comment"). */
export const REOPEN_NOTE = 'reopened'

const DAY_MS = 24 * 3_600_000

export function commentEffect(request: Pick<RequestRow, 'status' | 'completed_at'>, now: Date): CommentEffect {
  if (OPEN_STATUSES.includes(request.status)) return 'comment'
  if (request.status === 'completed' && request.completed_at !== null && now.getTime() <= reopenableUntil(request.completed_at).getTime()) return 'reopen'
  return 'closed'
}

/** The request's status as it stands in the caller's transaction: what the comment decides on, not the page read before it. */
export function readCommentState(trx: Executor, requestId: number): Promise<Pick<RequestRow, 'id' | 'status' | 'completed_at'>> {
  return trx.selectFrom('requests').select(['id', 'status', 'completed_at']).where('id', '=', requestId).executeTakeFirstOrThrow()
}

/** The last moment a comment reopens a request completed at `completedAt`. */
export function reopenableUntil(completedAt: string): Date {
  return new Date(Date.parse(completedAt) + REOPEN_DAYS * DAY_MS)
}
