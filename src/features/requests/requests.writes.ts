// Writing requests: a submission with its first history line, a status change
// (only from the status the caller read, so that two staff members acting at
// once don't both win), a comment. Callers run these inside one transaction
// with whatever else the action writes (attachment, notification, audit).
import type { Executor } from '../../db/database.js'
import type { RequestRow } from '../../db/requests.table.js'
import { REQUEST_TYPE_TABLE, type RequestStatus, type RequestType } from './request-types.js'

/** A form answer as the request keeps it: shown later in the reader's language. */
export interface AnsweredField {
  name: string
  label: { en: string; fr: string }
  /** The value as typed, or a select option's value. */
  value: string
  /** A select's chosen option, in both languages. */
  display?: { en: string; fr: string }
}

export interface NewRequest {
  contractId: number
  type: RequestType
  title: string
  description?: string
  priority?: string | null
  service?: string | null
  itemCode?: string | null
  fields?: AnsweredField[]
  authorId: number
  dueAt?: string | null
}

export async function insertRequest(trx: Executor, input: NewRequest, now: Date): Promise<number> {
  const at = now.toISOString()
  const { id } = await trx.insertInto('requests').values({
    contract_id: input.contractId, type: input.type, section: REQUEST_TYPE_TABLE[input.type].section,
    title: input.title, description: input.description ?? '', priority: input.priority ?? null, service: input.service ?? null,
    item_code: input.itemCode ?? null, fields_json: input.fields ? JSON.stringify(input.fields) : null,
    author_user_id: input.authorId, assigned_user_id: null, due_at: input.dueAt ?? null, reject_reason: null,
    created_at: at, updated_at: at, completed_at: null,
  }).returning('id').executeTakeFirstOrThrow()
  await trx.insertInto('request_events').values({ request_id: id, at, from_status: null, to_status: 'transmitted', by_user_id: input.authorId, note: null }).execute()
  return id
}

export interface StatusChange {
  request: Pick<RequestRow, 'id' | 'status'>
  to: RequestStatus
  byUserId: number
  /** A rejection's reason (kept on the request too), or why it moved. */
  note?: string | null
  now: Date
}

/** Moves the request from the status the caller read; false when someone moved it first (nothing written). */
export async function recordStatusChange(trx: Executor, change: StatusChange): Promise<boolean> {
  const at = change.now.toISOString()
  const result = await trx.updateTable('requests')
    .set({
      status: change.to, updated_at: at,
      ...(change.to === 'completed' ? { completed_at: at } : {}),
      ...(change.to === 'rejected' ? { reject_reason: change.note ?? null } : {}),
    })
    .where('id', '=', change.request.id).where('status', '=', change.request.status)
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) !== 1) return false
  await trx.insertInto('request_events').values({
    request_id: change.request.id, at, from_status: change.request.status, to_status: change.to, by_user_id: change.byUserId, note: change.note ?? null,
  }).execute()
  return true
}

export async function insertComment(trx: Executor, input: { requestId: number; authorId: number; body: string; internal: boolean; now: Date }): Promise<number> {
  const at = input.now.toISOString()
  const { id } = await trx.insertInto('request_comments').values({
    request_id: input.requestId, author_user_id: input.authorId, body: input.body, internal: input.internal ? 1 : 0, created_at: at,
  }).returning('id').executeTakeFirstOrThrow()
  // An internal note isn't news to the customer: their "Updated" doesn't move.
  if (!input.internal) await trx.updateTable('requests').set({ updated_at: at }).where('id', '=', input.requestId).execute()
  return id
}
