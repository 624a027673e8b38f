// Reading urlencoded form bodies. A field sent twice arrives as an array
// (@fastify/formbody): no form of ours does that, so it is a 400, not a guess.
import { BadRequestError } from './http-errors.js'
import type { MessageKey, Params } from '../i18n/index.js'

/** A message for one field: a catalog key, with its parameters when it has some. */
export type FieldError = MessageKey | { key: MessageKey; params?: Params }
export type FieldErrors = Record<string, FieldError>

export type FormBody = Record<string, unknown>

/** The field as a string ('' when absent); 400 when it is not a single string. */
export function field(body: unknown, name: string): string {
  const value = (body as FormBody | undefined)?.[name]
  if (value === undefined || value === null) return ''
  if (typeof value !== 'string') throw new BadRequestError(`field ${name} must be a single value`)
  return value
}

/** Removes control characters (NUL and C1 included) and surrounding spaces. */
export function cleanText(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001F\u007F-\u009F]/g, '').trim()
}

/** The same for a text area: line breaks and tabs are kept. */
export function cleanMultiline(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '').trim()
}

// The HTML standard's valid e-mail address: ASCII only, so no invisible or
// right-to-left character can hide in a recipient.
const EMAIL = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/

export function isEmailAddress(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value)
}

/** A local path to go back to after a form: never another site, and always
 * valid in a Location header (anything outside printable ASCII is
 * percent-encoded: a raw é or emoji there would make Node throw). */
export function safeLocalPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2048) return fallback
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001F\u007F\\]/.test(value)) return fallback
  return value.replace(/[^\x21-\x7E]+/gu, (run) => encodeURIComponent(run))
}
