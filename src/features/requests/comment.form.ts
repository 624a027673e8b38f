// The comment form of a request's page: a message (required, multi-line) and
// an optional attachment, checked in src/features/requests/attachments.ts.
import { cleanMultiline, field, type FieldErrors } from '../../lib/forms.js'

export const COMMENT_MAX = 5000

export interface CommentForm {
  body: string
}

export function readComment(body: unknown): CommentForm {
  return { body: cleanMultiline(field(body, 'body')) }
}

export function commentErrors(form: CommentForm): FieldErrors {
  if (!form.body) return { body: 'requests.comment.error.body_required' }
  if (form.body.length > COMMENT_MAX) return { body: { key: 'requests.comment.error.body_long', params: { max: COMMENT_MAX } } }
  return {}
}
