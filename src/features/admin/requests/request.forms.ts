// The request page's forms: a reply or internal note, a status change. Each
// answer is a message key per field, shown next to it (422).
import { cleanMultiline, field, type FieldErrors, type FormBody } from '../../../lib/forms.js'
import { canStaffMove, isRequestStatus, type RequestStatus } from '../../requests/request-types.js'

export const COMMENT_MAX = 5000
export const REASON_MAX = 1000

export type Visibility = 'customer' | 'internal'

export interface CommentForm {
  body: string
  /** As posted, kept for the re-rendered form. */
  visibility: string
}

export function readComment(body: unknown): CommentForm {
  return { body: cleanMultiline(field(body, 'body')), visibility: field(body, 'visibility') }
}

export function commentErrors(form: CommentForm): FieldErrors | undefined {
  const errors: FieldErrors = {}
  if (!form.body) errors.body = 'admin.requests.error.body_required'
  else if (form.body.length > COMMENT_MAX) errors.body = { key: 'admin.requests.error.body_long', params: { max: COMMENT_MAX } }
  if (form.visibility !== 'customer' && form.visibility !== 'internal') errors.visibility = 'admin.requests.error.visibility'
  return Object.keys(errors).length > 0 ? errors : undefined
}

export interface StatusForm {
  status: string
  reason: string
}

export function readStatusForm(body: unknown): StatusForm {
  return { status: field(body, 'status'), reason: cleanMultiline(field(body, 'reason')) }
}

/** The move must be one of STAFF_TRANSITIONS from the status the page showed; a rejection says why. */
export function statusErrors(form: StatusForm, from: RequestStatus): { to?: RequestStatus; errors?: FieldErrors } {
  if (!isRequestStatus(form.status) || !canStaffMove(from, form.status)) return { errors: { status: 'admin.requests.error.transition' } }
  if (form.status === 'rejected' && !form.reason) return { errors: { reason: 'admin.requests.error.reason_required' } }
  if (form.reason.length > REASON_MAX) return { errors: { reason: { key: 'admin.requests.error.reason_long', params: { max: REASON_MAX } } } }
  return { to: form.status }
}

/** Who had the request when the page showed it (the take form's hidden `assigned`): a user id, or null for nobody. */
export interface TakeForm {
  assigned: number | null
}

/** undefined when the form doesn't say who had it (not our form, or a made-up value): a take can't be conditional on it. */
export function readTakeForm(body: unknown): TakeForm | undefined {
  const raw = field(body, 'assigned')
  if (raw === '') return (body as FormBody | undefined)?.assigned === undefined ? undefined : { assigned: null }
  return /^[1-9][0-9]{0,14}$/.test(raw) ? { assigned: Number(raw) } : undefined
}
