// The contract's referent and domain owner, named by email. An email of a
// known customer names that user (even of another company: allowed, but staff
// confirm it once); an unknown one, at creation, a new person invited with
// the rights wizard's rules (src/features/rights/person.form.ts).
import type { Executor } from '../../../db/database.js'
import type { Locale } from '../../../db/users.table.js'
import { cleanText, field, isEmailAddress, type FieldErrors, type FormBody } from '../../../lib/forms.js'
import { loginIsTaken, personErrors, readPersonForm, type PersonForm } from '../../rights/person.form.js'

const PERSON_FIELDS = ['title', 'first_name', 'last_name', 'email', 'login', 'phone', 'locale'] as const

export interface PeopleForm {
  /** `referent_<field>` in the form: the email, and who a new person is. */
  referent: PersonForm
  /** Empty: the referent is also the domain owner. */
  domain_owner_email: string
  /** Staff confirmed that people of another company get this contract. */
  confirm_other_company: boolean
}

export interface KnownUser {
  id: number
  login: string
  email: string
  first_name: string
  last_name: string
  locale: Locale
  company_id: number | null
  company_name: string | null
}

export type Referent = { kind: 'existing'; user: KnownUser } | { kind: 'new'; person: PersonForm }

export interface ResolvedPeople {
  errors: FieldErrors
  referent?: Referent
  /** Undefined: the referent. */
  domainOwner?: KnownUser
  /** "First Last (Company)" of the people named who belong to another company. */
  outsiders: string[]
}

export function readPeopleForm(body: unknown): PeopleForm {
  const prefixed = Object.fromEntries(PERSON_FIELDS.map((name) => [name, (body as FormBody | undefined)?.[`referent_${name}`]]))
  return {
    referent: readPersonForm(prefixed),
    domain_owner_email: cleanText(field(body, 'domain_owner_email')).toLowerCase(),
    confirm_other_company: field(body, 'confirm_other_company') === 'yes',
  }
}

export function emptyPeopleForm(locale: string): PeopleForm {
  return {
    referent: { title: '', first_name: '', last_name: '', email: '', login: '', phone: '', locale },
    domain_owner_email: '', confirm_other_company: false,
  }
}

/** Customer accounts by email (staff accounts never hold a contract). */
export function findCustomerByEmail(db: Executor, email: string): Promise<(KnownUser & { is_staff: number }) | undefined> {
  return db.selectFrom('users').leftJoin('companies', 'companies.id', 'users.company_id')
    .select(['users.id', 'users.login', 'users.email', 'users.first_name', 'users.last_name', 'users.locale', 'users.company_id', 'users.is_staff', 'companies.name as company_name'])
    .where('users.email', '=', email).executeTakeFirst()
}

/**
 * Who the form names. `allowNew`: an unknown referent email invites a new
 * person (creation); otherwise it is an error (edit). People already on the
 * contract (`declared`) are not asked about again.
 */
export async function resolvePeople(db: Executor, form: PeopleForm, companyId: number, options: { allowNew: boolean; declared?: ReadonlySet<number> }): Promise<ResolvedPeople> {
  const errors: FieldErrors = {}
  const referent = await resolveReferent(db, form.referent, options.allowNew, errors)
  const domainOwner = await resolveDomainOwner(db, form, errors)
  const known = [referent?.kind === 'existing' ? referent.user : undefined, domainOwner]
  const outsiders = known.filter((user): user is KnownUser =>
    user !== undefined && user.company_id !== companyId && !options.declared?.has(user.id))
  const names = [...new Map(outsiders.map((user) => [user.id, `${user.first_name} ${user.last_name} (${user.company_name ?? '—'})`])).values()]
  if (names.length > 0 && !form.confirm_other_company) {
    errors.confirm_other_company = { key: 'admin.companies.error.other_company', params: { names: names.join(', ') } }
  }
  return { errors, outsiders: names, ...(referent ? { referent } : {}), ...(domainOwner ? { domainOwner } : {}) }
}

/** With `allowNew: false` and no error, the referent is a known user. */
export function knownReferent(resolved: ResolvedPeople): KnownUser {
  if (resolved.referent?.kind !== 'existing') throw new Error('the referent is not an existing user')
  return resolved.referent.user
}

async function resolveReferent(db: Executor, person: PersonForm, allowNew: boolean, errors: FieldErrors): Promise<Referent | undefined> {
  if (!person.email) { errors.referent_email = 'account.error.email_required'; return undefined }
  if (!isEmailAddress(person.email)) { errors.referent_email = 'account.error.email_format'; return undefined }
  const user = await findCustomerByEmail(db, person.email)
  if (user?.is_staff) { errors.referent_email = 'admin.companies.error.staff_account'; return undefined }
  if (user) return { kind: 'existing', user }
  if (!allowNew) { errors.referent_email = 'admin.companies.error.no_such_user'; return undefined }
  const personal = personErrors(person, false)
  if (!personal.login && (await loginIsTaken(db, person.login))) personal.login = 'rights.error.login_taken'
  for (const [name, error] of Object.entries(personal)) errors[`referent_${name}`] = error
  return Object.keys(personal).length === 0 ? { kind: 'new', person } : undefined
}

async function resolveDomainOwner(db: Executor, form: PeopleForm, errors: FieldErrors): Promise<KnownUser | undefined> {
  const email = form.domain_owner_email
  if (!email || email === form.referent.email) return undefined
  if (!isEmailAddress(email)) { errors.domain_owner_email = 'account.error.email_format'; return undefined }
  const user = await findCustomerByEmail(db, email)
  if (!user || user.is_staff) { errors.domain_owner_email = 'admin.companies.error.domain_owner_unknown'; return undefined }
  return user
}
