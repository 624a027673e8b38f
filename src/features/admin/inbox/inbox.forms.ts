// The message page's three forms: assign, reply, change the status. Each
// answer is a message key per field, shown next to it (422).
import { cleanMultiline, cleanText, field, type FieldErrors } from '../../../lib/forms.js'
import type { InboxStaff } from './inbox.queries.js'
import type { MessageStatus } from './inbox.writes.js'

export const REPLY_MAX = 5000

export interface ReplyForm {
  body: string
  handled: boolean
}

export function readReply(body: unknown): ReplyForm {
  return { body: cleanMultiline(field(body, 'body')), handled: field(body, 'handled') === 'yes' }
}

export function replyErrors(form: ReplyForm): FieldErrors | undefined {
  if (!form.body) return { body: 'admin.inbox.error.body_required' }
  if (form.body.length > REPLY_MAX) return { body: { key: 'admin.inbox.error.body_long', params: { max: REPLY_MAX } } }
  return undefined
}

/** The chosen staff member (null: nobody), or an error when the login is not one who opens the inbox. */
export function readAssignee(body: unknown, staff: InboxStaff[]): { value: string; assignee?: InboxStaff | null; errors?: FieldErrors } {
  const value = cleanText(field(body, 'assignee')).toLowerCase()
  if (!value) return { value, assignee: null }
  const assignee = staff.find((member) => member.login === value)
  return assignee ? { value, assignee } : { value, errors: { assignee: 'admin.inbox.error.assignee' } }
}

export function readStatus(body: unknown): { status?: MessageStatus; errors?: FieldErrors } {
  const status = field(body, 'status')
  return status === 'new' || status === 'handled' ? { status } : { errors: { status: 'admin.inbox.error.status' } }
}
