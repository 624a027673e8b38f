// The new password + confirmation fields shared by every form that sets one.
import type { FieldErrors } from '../../lib/forms.js'
import { checkNewPassword } from '../../lib/password-rules.js'

/** Errors for the two fields, or undefined when the password is accepted. The
 * first problem is the one shown: the order of checkNewPassword is the order
 * in which a person fixes them. */
export function newPasswordErrors(password: string, confirm: string, login: string, field = 'password', confirmField = 'confirm'): FieldErrors | undefined {
  const [problem] = checkNewPassword(password, login)
  if (problem) return { [field]: problem }
  if (confirm !== password) return { [confirmField]: { key: 'password.rule.confirm' } }
  return undefined
}
