// Step 1 of the add-user wizard: who the person is.
import type { Executor } from '../../db/database.js'
import { cleanText, field, isEmailAddress, type FieldErrors } from '../../lib/forms.js'
import { isPhoneNumber } from '../account/contact.form.js'

export interface PersonForm {
  title: string
  first_name: string
  last_name: string
  email: string
  login: string
  phone: string
  /** The language of the new user's emails and pages. */
  locale: string
}

const LOGIN = /^[A-Za-z0-9._-]+$/

export function readPersonForm(body: unknown): PersonForm {
  return {
    title: field(body, 'title'),
    first_name: cleanText(field(body, 'first_name')),
    last_name: cleanText(field(body, 'last_name')),
    email: cleanText(field(body, 'email')).toLowerCase(),
    login: cleanText(field(body, 'login')).toLowerCase(),
    phone: cleanText(field(body, 'phone')),
    locale: field(body, 'locale'),
  }
}

/** The login rule of the user guide: 8 to 64 letters and digits without accents, or . _ - */
export function loginProblem(login: string) {
  if (!login) return 'rights.error.login_required' as const
  if (!LOGIN.test(login)) return 'rights.error.login_characters' as const
  if (login.length < 8 || login.length > 64) return 'rights.error.login_length' as const
  return undefined
}

export function personErrors(form: PersonForm, emailIsKnown: boolean): FieldErrors {
  const errors: FieldErrors = {}
  if (form.title !== 'mr' && form.title !== 'mrs') errors.title = 'account.error.title'
  if (!form.first_name) errors.first_name = 'rights.error.first_name_required'
  else if (form.first_name.length > 80) errors.first_name = { key: 'account.error.too_long', params: { max: 80 } }
  if (!form.last_name) errors.last_name = 'rights.error.last_name_required'
  else if (form.last_name.length > 80) errors.last_name = { key: 'account.error.too_long', params: { max: 80 } }
  if (!form.email) errors.email = 'account.error.email_required'
  else if (!isEmailAddress(form.email)) errors.email = 'account.error.email_format'
  // A known email brings its own login: what was typed is not used, so not checked.
  const login = emailIsKnown ? undefined : loginProblem(form.login)
  if (login) errors.login = login
  if (form.phone && !isPhoneNumber(form.phone)) errors.phone = 'account.error.phone_format'
  if (form.locale !== 'en' && form.locale !== 'fr') errors.locale = 'rights.error.locale'
  return errors
}

export function findUserByEmail(db: Executor, email: string) {
  return db.selectFrom('users').select(['id', 'login', 'first_name', 'last_name', 'locale']).where('email', '=', email).executeTakeFirst()
}

export async function loginIsTaken(db: Executor, login: string): Promise<boolean> {
  return Boolean(await db.selectFrom('users').select('id').where('login', '=', login).executeTakeFirst())
}

export async function isOnContract(db: Executor, contractId: number, userId: number): Promise<boolean> {
  return Boolean(await db.selectFrom('contract_roles').select('user_id').where('contract_id', '=', contractId).where('user_id', '=', userId).where('section', '=', 'contracts').executeTakeFirst())
}
