// The contract's own fields, at creation ("create a tenant") and on edit:
// name, offer, support level, dates, invoice references, grouping.
import { isCalendarDate } from '../../../lib/paris-calendar.js'
import { cleanText, field, type FieldErrors } from '../../../lib/forms.js'
import { OFFERS, type Offer } from '../../../db/contracts.table.js'

/** Support levels each offer sells, lowest first (PRODUCT.md, "Support
 * levels"); an offer with optional support may also have none. */
export const SUPPORT_LEVELS: Record<Offer, readonly string[]> = {
  fe: ['basic', 'standard', 'business', 'premium'],
  fe_hds: ['basic', 'standard', 'business', 'premium'],
  cloud_avenue: ['standard', 'bronze', 'silver', 'gold'],
  fca: ['standard'],
  orange_business: ['standard'],
  multi_services: [],
}
const SUPPORT_REQUIRED: readonly Offer[] = ['fe', 'fe_hds', 'cloud_avenue']

/** The select's groups: offers selling the same levels share one. */
export const SUPPORT_GROUPS: Array<{ offers: Offer[]; levels: readonly string[] }> = [
  { offers: ['fe', 'fe_hds'], levels: SUPPORT_LEVELS.fe },
  { offers: ['cloud_avenue'], levels: SUPPORT_LEVELS.cloud_avenue },
  { offers: ['fca', 'orange_business'], levels: SUPPORT_LEVELS.fca },
]

export interface ContractForm {
  /** Optional at creation: a contract already known elsewhere keeps its code. */
  code: string
  name: string
  offer: string
  support_level: string
  start_date: string
  support_commitment_end: string
  ref2: string
  ref3: string
  /** Code of the multi-services contract grouping this one's billing, or ''. */
  grouping: string
}

export const CONTRACT_MAX = { name: 100, ref: 50 } as const
export const CODE_FORMAT = /^OCB[0-9]{7}$/

export function readContractForm(body: unknown): ContractForm {
  const text = (name: string) => cleanText(field(body, name))
  return {
    code: text('code').toUpperCase(), name: text('name'), offer: text('offer'), support_level: text('support_level'),
    start_date: text('start_date'), support_commitment_end: text('support_commitment_end'),
    ref2: text('ref2'), ref3: text('ref3'), grouping: text('grouping'),
  }
}

export function isOffer(value: string): value is Offer {
  return (OFFERS as readonly string[]).includes(value)
}

/** Errors of the fields; `groupingCodes` are the multi-services contracts this one may join. */
export function contractErrors(form: ContractForm, groupingCodes: readonly string[]): FieldErrors {
  const errors: FieldErrors = {}
  if (form.code && !CODE_FORMAT.test(form.code)) errors.code = 'admin.companies.error.code_format'
  if (!form.name) errors.name = 'admin.companies.error.contract_name_required'
  else if (form.name.length > CONTRACT_MAX.name) errors.name = { key: 'account.error.too_long', params: { max: CONTRACT_MAX.name } }
  if (!isOffer(form.offer)) errors.offer = 'admin.companies.error.offer'
  else Object.assign(errors, supportErrors(form, form.offer))
  for (const name of ['start_date', 'support_commitment_end'] as const) {
    if (form[name] && !isIsoDate(form[name])) errors[name] = 'admin.companies.error.date'
  }
  if (!errors.start_date && !errors.support_commitment_end && form.start_date && form.support_commitment_end && form.support_commitment_end < form.start_date) {
    errors.support_commitment_end = 'admin.companies.error.commitment_before_start'
  }
  for (const name of ['ref2', 'ref3'] as const) {
    if (form[name].length > CONTRACT_MAX.ref) errors[name] = { key: 'account.error.too_long', params: { max: CONTRACT_MAX.ref } }
  }
  if (form.grouping && (form.offer === 'multi_services' || !groupingCodes.includes(form.grouping))) errors.grouping = 'admin.companies.error.grouping'
  return errors
}

function supportErrors(form: ContractForm, offer: Offer): FieldErrors {
  if (!form.support_level) return SUPPORT_REQUIRED.includes(offer) ? { support_level: 'admin.companies.error.support_required' } : {}
  return SUPPORT_LEVELS[offer].includes(form.support_level) ? {} : { support_level: 'admin.companies.error.support_not_offered' }
}

/** A real calendar day written YYYY-MM-DD (no 2026-02-30), within a contract's plausible years. */
export function isIsoDate(value: string): boolean {
  return isCalendarDate(value) && value >= '1990-01-01' && value <= '2199-12-31'
}

/** The columns written from the form (code, company, people and status aside). */
export function contractColumns(form: ContractForm, groupingId: number | null) {
  return {
    name: form.name, support_level: form.support_level || null, start_date: form.start_date || null,
    support_commitment_end: form.support_commitment_end || null, ref2: form.ref2 || null, ref3: form.ref3 || null,
    grouping_contract_id: groupingId,
  }
}
