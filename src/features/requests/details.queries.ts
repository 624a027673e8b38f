// What a request's page reads besides the request itself: the people named on
// it, its status history, the conversation the customer may see and its
// attachments. Internal notes (staff-only) and the files sent with them are
// left out HERE, in the queries, so that no page or download can show them.
import type { ExpressionBuilder } from 'kysely'
import type { Database, Executor } from '../../db/database.js'

/** A person as the customer side names them: staff (`users.is_staff`) by their first name only (see details.people.ts). */
export interface PersonName {
  first_name: string | null
  last_name: string | null
  staff: number | null
}

/** The author's and the assignee's names. */
export async function findPeople(db: Executor, authorId: number, assigneeId: number | null) {
  const ids = assigneeId === null ? [authorId] : [authorId, assigneeId]
  const rows = await db.selectFrom('users').select(['users.id', 'users.first_name', 'users.last_name', 'users.is_staff as staff'])
    .where('users.id', 'in', ids).execute()
  const byId = new Map(rows.map((row) => [row.id, row]))
  return { author: byId.get(authorId), assignee: assigneeId === null ? undefined : byId.get(assigneeId) }
}

/** The status history, oldest first, with who made each move. */
export async function listEvents(db: Executor, requestId: number) {
  return db.selectFrom('request_events')
    .leftJoin('users', 'users.id', 'request_events.by_user_id')
    .select(['request_events.id', 'request_events.at', 'request_events.from_status', 'request_events.to_status', 'request_events.note',
      'users.first_name', 'users.last_name', 'users.is_staff as staff'])
    .where('request_events.request_id', '=', requestId)
    .orderBy('request_events.at').orderBy('request_events.id')
    .execute()
}

/** The comments the customer side may read (never an internal note), oldest first. */
export async function listPublicComments(db: Executor, requestId: number) {
  return db.selectFrom('request_comments')
    .innerJoin('users', 'users.id', 'request_comments.author_user_id')
    .select(['request_comments.id', 'request_comments.body', 'request_comments.created_at',
      'users.first_name', 'users.last_name', 'users.is_staff as staff'])
    .where('request_comments.request_id', '=', requestId)
    .where('request_comments.internal', '=', 0)
    .orderBy('request_comments.created_at').orderBy('request_comments.id')
    .execute()
}

export type PublicComment = Awaited<ReturnType<typeof listPublicComments>>[number]

type AttachmentsEb = ExpressionBuilder<Database, 'request_attachments'>

/** Sent with the request, or with a comment that isn't an internal note. */
const notOnInternalNote = (eb: AttachmentsEb) => eb.or([
  eb('request_attachments.comment_id', 'is', null),
  eb.exists(eb.selectFrom('request_comments').select('request_comments.id')
    .whereRef('request_comments.id', '=', 'request_attachments.comment_id').where('request_comments.internal', '=', 0)),
])

/** The attachments the customer side may see, without their bytes. */
export async function listPublicAttachments(db: Executor, requestId: number) {
  return db.selectFrom('request_attachments')
    .select(['id', 'comment_id', 'file_name', 'content_type', 'size_bytes', 'created_at'])
    .where('request_id', '=', requestId)
    .where(notOnInternalNote)
    .orderBy('id')
    .execute()
}

export type PublicAttachment = Awaited<ReturnType<typeof listPublicAttachments>>[number]

/** One attachment of this request with its bytes, unless it belongs to an internal note. */
export async function findPublicAttachment(db: Executor, requestId: number, id: number) {
  return db.selectFrom('request_attachments')
    .select(['id', 'file_name', 'content_type', 'content'])
    .where('request_id', '=', requestId).where('id', '=', id)
    .where(notOnInternalNote)
    .executeTakeFirst()
}

/** A change item's names (a change request shows what was asked for). */
export async function findChangeItemName(db: Executor, code: string) {
  return db.selectFrom('change_items').select(['name_en', 'name_fr']).where('code', '=', code).orderBy('id').executeTakeFirst()
}

/** What an order request ordered: the service (even inactive since), quantity and recomputed price. */
export async function findOrderOfRequest(db: Executor, requestId: number) {
  return db.selectFrom('orders').innerJoin('catalog_services', 'catalog_services.id', 'orders.service_id')
    .select(['catalog_services.name_en', 'catalog_services.name_fr', 'catalog_services.pricing', 'orders.quantity', 'orders.total_cents', 'orders.price_period'])
    .where('orders.request_id', '=', requestId).executeTakeFirst()
}
