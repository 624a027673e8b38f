// Why staff reset a user's two factors: required, kept in the audit log, so
// that a reset talked out of support by someone else can be traced.
import { cleanMultiline, field, type FieldErrors } from '../../../lib/forms.js'

export const REASON_MIN = 5
export const REASON_MAX = 500

export function readReason(body: unknown): string {
  return cleanMultiline(field(body, 'reason'))
}

export function reasonErrors(reason: string): FieldErrors | undefined {
  if (!reason) return { reason: 'admin.users.error.reason_required' }
  if (reason.length < REASON_MIN) return { reason: { key: 'admin.users.error.reason_short', params: { min: REASON_MIN } } }
  if (reason.length > REASON_MAX) return { reason: { key: 'admin.users.error.reason_long', params: { max: REASON_MAX } } }
  return undefined
}
