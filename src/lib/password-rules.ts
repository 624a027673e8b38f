// THE password rule (source: the user guide, "Update your password"): every
// form that sets a password goes through checkNewPassword().
import type { MessageKey, Params } from '../i18n/index.js'

export const PASSWORD_SPECIALS = '#!.@_-/'
export const MEDIUM_LENGTH = 8
export const STRONG_LENGTH = 10
export const MAX_PASSWORD_LENGTH = 128

export type Strength = 'medium' | 'strong'
export interface PasswordProblem {
  key: MessageKey
  params?: Params
}

const ALLOWED = /^[A-Za-z0-9#!.@_\-/]$/

/** The problems with a new password, in the order a person fixes them; none
 * means it is accepted. "Not the current password" needs the stored hash: the
 * caller checks it (see account/password). */
export function checkNewPassword(password: string, login: string): PasswordProblem[] {
  const problems: PasswordProblem[] = []
  const refused = refusedCharacters(password)
  if (refused.length > 0) problems.push({ key: 'password.rule.not_allowed', params: { chars: refused.join(' ') } })
  if (password.length < MEDIUM_LENGTH) problems.push({ key: 'password.rule.too_short', params: { min: MEDIUM_LENGTH } })
  if (password.length > MAX_PASSWORD_LENGTH) problems.push({ key: 'password.rule.too_long', params: { max: MAX_PASSWORD_LENGTH } })
  if (!/[a-z]/.test(password)) problems.push({ key: 'password.rule.lower' })
  if (!/[A-Z]/.test(password)) problems.push({ key: 'password.rule.upper' })
  if (!/[0-9]/.test(password)) problems.push({ key: 'password.rule.digit' })
  if (![...password].some((c) => PASSWORD_SPECIALS.includes(c))) problems.push({ key: 'password.rule.special' })
  if (login && password.toLowerCase().includes(login.toLowerCase())) problems.push({ key: 'password.rule.login' })
  return problems
}

export function passwordStrength(password: string): Strength {
  return password.length >= STRONG_LENGTH ? 'strong' : 'medium'
}

// A space, a control or an invisible character is named so it can be seen (and never written raw into a page).
function visible(character: string): string {
  if (character === ' ') return '␣'
  if (/[\p{Cc}\p{Cf}\p{Z}]/u.test(character)) return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
  return character
}

// Each refused character once.
function refusedCharacters(password: string): string[] {
  const refused = new Set<string>()
  for (const character of password) {
    if (!ALLOWED.test(character)) refused.add(visible(character))
  }
  return [...refused]
}
