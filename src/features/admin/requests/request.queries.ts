// What a request's staff page reads: the request with its contract (support
// level, referent), its author's contact details and its assignee; the status
// history, the whole conversation (internal notes included) and the files.
import type { Executor } from '../../../db/database.js'
import type { AnsweredField } from '../../requests/requests.writes.js'

/** One request with what staff need around it; undefined (→ 404) for an unknown id. */
export async function findStaffRequest(db: Executor, id: number) {
  return db.selectFrom('requests')
    .innerJoin('contracts', 'contracts.id', 'requests.contract_id')
    .innerJoin('companies', 'companies.id', 'contracts.company_id')
    .innerJoin('users as author', 'author.id', 'requests.author_user_id')
    .leftJoin('users as assignee', 'assignee.id', 'requests.assigned_user_id')
    .selectAll('requests')
    .select(['contracts.code as contract_code', 'contracts.name as contract_name', 'contracts.offer as contract_offer',
      'contracts.support_level as contract_support_level', 'contracts.referent_user_id as contract_referent_id', 'companies.name as company_name',
      'author.login as author_login', 'author.first_name as author_first', 'author.last_name as author_last', 'author.email as author_email',
      'author.phone_mobile as author_mobile', 'author.phone_landline as author_landline', 'author.locale as author_locale',
      'assignee.login as assignee_login', 'assignee.first_name as assignee_first', 'assignee.last_name as assignee_last'])
    .where('requests.id', '=', id).executeTakeFirst()
}

export type StaffRequest = NonNullable<Awaited<ReturnType<typeof findStaffRequest>>>

export function listEvents(db: Executor, requestId: number) {
  return db.selectFrom('request_events').leftJoin('users as by', 'by.id', 'request_events.by_user_id')
    .select(['request_events.id', 'request_events.at', 'request_events.from_status', 'request_events.to_status', 'request_events.note',
      'by.first_name as by_first', 'by.last_name as by_last', 'by.is_staff as by_staff'])
    .where('request_events.request_id', '=', requestId).orderBy('request_events.id').execute()
}

/** Every comment, internal notes included: this is staff's page. */
export function listComments(db: Executor, requestId: number) {
  return db.selectFrom('request_comments').innerJoin('users as author', 'author.id', 'request_comments.author_user_id')
    .select(['request_comments.id', 'request_comments.body', 'request_comments.internal', 'request_comments.created_at',
      'author.first_name as author_first', 'author.last_name as author_last', 'author.is_staff as author_staff'])
    .where('request_comments.request_id', '=', requestId).orderBy('request_comments.id').execute()
}

/** The files' descriptions, not their bytes. */
export function listAttachments(db: Executor, requestId: number) {
  return db.selectFrom('request_attachments')
    .select(['id', 'comment_id', 'file_name', 'content_type', 'size_bytes', 'created_at'])
    .where('request_id', '=', requestId).orderBy('id').execute()
}

export function findAttachment(db: Executor, requestId: number, attachmentId: number) {
  return db.selectFrom('request_attachments').selectAll()
    .where('request_id', '=', requestId).where('id', '=', attachmentId).executeTakeFirst()
}

/** The form's answers as submitted; a row that isn't a list of answers shows none. */
export function answeredFields(fieldsJson: string | null): AnsweredField[] {
  if (!fieldsJson) return []
  try {
    const parsed: unknown = JSON.parse(fieldsJson)
    return Array.isArray(parsed) ? (parsed as AnsweredField[]) : []
  } catch {
    return []
  }
}
