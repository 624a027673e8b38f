// The company form (create and edit): name, registration number, address,
// the intra-community VAT number printed on invoices, and the account manager
// the customers' "My company" page shows.
import { cleanText, field, isEmailAddress, type FieldError, type FieldErrors } from '../../../lib/forms.js'
import { isPhoneNumber } from '../../account/contact.form.js'

export interface CompanyForm {
  name: string
  registration_number: string
  address: string
  postal_code: string
  city: string
  country: string
  account_manager_name: string
  account_manager_email: string
  account_manager_phone: string
  /** Normalised: upper case, no spaces. */
  vat_number: string
  /** The "create a tenant online" option (spec 003): its users may order a new tenant from the catalog. */
  create_tenant_online: boolean
}

export const COMPANY_FIELDS = [
  'name', 'registration_number', 'address', 'postal_code', 'city', 'country',
  'account_manager_name', 'account_manager_email', 'account_manager_phone', 'vat_number',
] as const satisfies ReadonlyArray<keyof CompanyForm>

/** Longest accepted value of each field (the inputs' maxlength too, except the
 * VAT number's: checked once its spaces are removed, typed with them). */
export const COMPANY_MAX: Record<(typeof COMPANY_FIELDS)[number], number> = {
  name: 120, registration_number: 40, address: 200, postal_code: 20, city: 100, country: 2,
  account_manager_name: 100, account_manager_email: 254, account_manager_phone: 30,
  vat_number: 16,
}

export function readCompanyForm(body: unknown): CompanyForm {
  const form = Object.fromEntries(COMPANY_FIELDS.map((name) => [name, cleanText(field(body, name))])) as unknown as CompanyForm
  form.create_tenant_online = field(body, 'create_tenant_online') === 'yes'
  form.country = form.country.toUpperCase()
  form.account_manager_email = form.account_manager_email.toLowerCase()
  form.vat_number = form.vat_number.toUpperCase().replace(/\s+/g, '')
  return form
}

export function emptyCompanyForm(): CompanyForm {
  const form = Object.fromEntries(COMPANY_FIELDS.map((name) => [name, ''])) as unknown as CompanyForm
  return { ...form, country: 'FR', create_tenant_online: false }
}

export function companyErrors(form: CompanyForm): FieldErrors {
  const errors: FieldErrors = {}
  if (!form.name) errors.name = 'admin.companies.error.name_required'
  for (const name of COMPANY_FIELDS) {
    if (form[name].length > COMPANY_MAX[name] && name !== 'country') errors[name] = { key: 'account.error.too_long', params: { max: COMPANY_MAX[name] } }
  }
  if (form.registration_number && !errors.registration_number && !/^[A-Z0-9 .-]+$/i.test(form.registration_number)) {
    errors.registration_number = 'admin.companies.error.registration_number'
  }
  if (!/^[A-Z]{2}$/.test(form.country)) errors.country = 'admin.companies.error.country'
  if (form.account_manager_email && !isEmailAddress(form.account_manager_email)) errors.account_manager_email = 'account.error.email_format'
  if (form.account_manager_phone && !isPhoneNumber(form.account_manager_phone)) errors.account_manager_phone = 'account.error.phone_format'
  if (form.vat_number && !errors.vat_number) {
    const vatError = vatNumberError(form.vat_number, form)
    if (vatError) errors.vat_number = vatError
  }
  return errors
}

/**
 * An intra-community VAT number, already normalised (upper case, no spaces):
 * a two-letter country code and 2 to 13 letters or digits. A French one is
 * FR, two check characters, then a 9-digit SIREN; for a French company whose
 * registration number is filled in (its SIREN, spaces and dots allowed), the
 * two must agree. The check characters themselves are not computed: a
 * mistyped key is the tax office's to refuse, this only catches the wrong
 * company or a garbled number.
 */
export function vatNumberError(vat: string, company: Pick<CompanyForm, 'registration_number' | 'country'>): FieldError | undefined {
  if (!/^[A-Z]{2}[A-Z0-9]{2,13}$/.test(vat)) return 'admin.companies.error.vat_format'
  if (!vat.startsWith('FR')) return undefined
  if (!/^FR[A-Z0-9]{2}\d{9}$/.test(vat)) return 'admin.companies.error.vat_fr'
  const siren = company.registration_number.replace(/[\s.-]/g, '')
  if (company.country === 'FR' && siren && vat.slice(4) !== siren) return { key: 'admin.companies.error.vat_siren', params: { siren } }
  return undefined
}

/** How two company names are compared: case, accents' encoding and runs of
 * spaces don't make a different company. Done in JavaScript, as SQLite's
 * lower() only folds ASCII ("LUMIÈRE" would not match "Lumière"). */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toLocaleLowerCase('fr').replace(/\s+/g, ' ').trim()
}

/** The columns to write: empty optional fields are stored as null. */
export function companyColumns(form: CompanyForm) {
  const orNull = (value: string) => value || null
  return {
    name: form.name, registration_number: orNull(form.registration_number), address: orNull(form.address),
    postal_code: orNull(form.postal_code), city: orNull(form.city), country: form.country,
    account_manager_name: orNull(form.account_manager_name), account_manager_email: orNull(form.account_manager_email),
    account_manager_phone: orNull(form.account_manager_phone), vat_number: orNull(form.vat_number),
    create_tenant_online: form.create_tenant_online ? 1 : 0,
  }
}
