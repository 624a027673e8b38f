// The budget form: a monthly amount in euros typed the French or the English
// way ("1 500,50", "1500.5"), or nothing for no budget, and the alert
// threshold as a whole percentage. Euros become integer cents by string
// arithmetic: no float ever touches the amount.
import { cleanText, field, type FieldErrors } from '../../lib/forms.js'

export interface BudgetValues {
  budget: string
  threshold: string
}

export interface BudgetSetting {
  budgetCents: number | null
  thresholdPercent: number | null
}

/** 100 000 000 €: far above any real monthly budget, far below integer limits. */
export const MAX_BUDGET_CENTS = 100_000_000 * 100

export function readBudgetForm(body: unknown): BudgetValues {
  return { budget: cleanText(field(body, 'budget')), threshold: cleanText(field(body, 'threshold')) }
}

/** The setting the values describe, or the errors per field. */
export function parseBudgetForm(values: BudgetValues): { setting: BudgetSetting; errors?: undefined } | { errors: FieldErrors } {
  const errors: FieldErrors = {}
  const budget = parseEuros(values.budget)
  if (typeof budget === 'string') errors.budget = budget
  const threshold = parseThreshold(values.threshold, budget !== null)
  if (typeof threshold === 'string') errors.threshold = threshold
  if (typeof budget === 'string' || typeof threshold === 'string') return { errors }
  return { setting: { budgetCents: budget, thresholdPercent: budget === null ? null : threshold } }
}

type ErrorKey = 'budget.error.not_a_number' | 'budget.error.negative' | 'budget.error.zero' | 'budget.error.decimals' | 'budget.error.too_large'
  | 'budget.error.threshold_required' | 'budget.error.threshold_range'

// Digits with an optional decimal part after a comma or a point; spaces
// (ordinary, non-breaking, narrow) group thousands and a euro sign may follow.
const AMOUNT = /^(-?)(\d+)(?:[.,](\d*))?$/

/** Cents, null for an empty field (no budget), or the error's key. */
export function parseEuros(text: string): number | null | ErrorKey {
  if (text === '') return null
  const compact = text.replace(/[\s\u00A0\u202F]/g, '').replace(/€$/, '')
  const match = compact.length <= 30 ? AMOUNT.exec(compact) : null
  if (!match) return 'budget.error.not_a_number'
  const [, sign, whole = '', decimals = ''] = match
  if (sign) return 'budget.error.negative'
  if (decimals.length > 2) return 'budget.error.decimals'
  const wholeDigits = whole.replace(/^0+(?=\d)/, '')
  if (wholeDigits.length > 9) return 'budget.error.too_large'
  const cents = Number(wholeDigits) * 100 + Number(decimals.padEnd(2, '0'))
  if (cents > MAX_BUDGET_CENTS) return 'budget.error.too_large'
  if (cents === 0) return 'budget.error.zero'
  return cents
}

/** A whole percentage from 1 to 100 (a trailing % allowed), required with a budget. */
export function parseThreshold(text: string, required: boolean): number | null | ErrorKey {
  const compact = text.replace(/[\s\u00A0\u202F]/g, '').replace(/%$/, '')
  if (compact === '') return required ? 'budget.error.threshold_required' : null
  if (!/^\d{1,3}$/.test(compact)) return 'budget.error.threshold_range'
  const percent = Number(compact)
  return percent >= 1 && percent <= 100 ? percent : 'budget.error.threshold_range'
}

/** The form's values showing a contract's current setting, in the reader's way of writing decimals. */
export function valuesOf(budgetCents: number | null, thresholdPercent: number | null, locale: 'en' | 'fr'): BudgetValues {
  if (budgetCents === null) return { budget: '', threshold: thresholdPercent === null ? '' : String(thresholdPercent) }
  const euros = Math.floor(budgetCents / 100)
  const cents = budgetCents % 100
  const budget = cents === 0 ? String(euros) : `${euros}${locale === 'fr' ? ',' : '.'}${String(cents).padStart(2, '0')}`
  return { budget, threshold: thresholdPercent === null ? '' : String(thresholdPercent) }
}
