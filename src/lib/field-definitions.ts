// Forms described as data: a change item of the change catalog (and, next, a
// service of the catalog) carries the definitions of its own fields as JSON.
// This module checks such a definition list (staff will edit them, so a bad
// one must be caught where it is saved, not on a customer's page) and reads a
// posted form against it. Pure: no framework, no database.
import type { FieldErrors, FormBody } from './forms.js'
import { cleanMultiline, cleanText, isEmailAddress } from './forms.js'
import { isCalendarDate } from './paris-calendar.js'

export const FIELD_TYPES = ['text', 'number', 'select', 'date', 'textarea', 'email', 'tel'] as const
export type FieldType = (typeof FIELD_TYPES)[number]

export interface Localized {
  en: string
  fr: string
}

export type FieldLocale = keyof Localized

export interface FieldOption {
  value: string
  label: Localized
}

export interface FieldDefinition {
  /** The posted name and the element's id: `[a-z][a-z0-9_]{0,39}`. */
  name: string
  type: FieldType
  required: boolean
  label: Localized
  hint?: Localized
  /** A select's choices (at least one). */
  options?: FieldOption[]
  /** A number's bounds, inclusive. Numbers are whole numbers. */
  min?: number
  max?: number
  /** Text, text area, email and phone: at most this many characters. */
  maxLength?: number
}

/** What a form's answer keeps: the label and a select's choice in both
 * languages, so that it reads in the reader's language later, even after the
 * definition changed. */
export interface FieldAnswer {
  name: string
  label: Localized
  value: string
  display?: Localized
}

export interface FieldValues {
  /** What was typed, for showing the form again. */
  values: Record<string, string>
  errors: FieldErrors
  /** The non-empty answers, in the definitions' order. */
  answers: FieldAnswer[]
}

const NAME = /^[a-z][a-z0-9_]{0,39}$/
/** Names the pages around a custom form already post (and element ids they use). */
export const RESERVED_NAMES: readonly string[] = ['contract', 'item', 'title', 'description', 'service', 'priority', 'attachment', 'order_token', 'main']

/** Without a maxLength of their own: a line of text, a text area, an address, a phone number. */
export const DEFAULT_MAX_LENGTH: Record<Exclude<FieldType, 'number' | 'select' | 'date'>, number> = { text: 200, textarea: 2000, email: 254, tel: 30 }
/** No definition may allow more than this in one field. */
const LARGEST_MAX_LENGTH = 10_000
const LARGEST_NUMBER = 1_000_000_000_000
/** Bounds and lengths in messages are written the reader's way (10,000 / 10 000). */
const NUMBER_FORMATS: Record<FieldLocale, Intl.NumberFormat> = { en: new Intl.NumberFormat('en-GB'), fr: new Intl.NumberFormat('fr-FR') }

// ---------------------------------------------------------------- parsing

/** The definitions of a `fields_json` (a string, or the parsed value);
 * throws an Error naming the first fault of a malformed list. */
export function parseFieldDefinitions(json: unknown): FieldDefinition[] {
  const list: unknown = typeof json === 'string' ? JSON.parse(json) : json
  if (!Array.isArray(list)) throw new Error('field definitions: not a list')
  const seen = new Set<string>()
  return list.map((raw, index) => {
    const definition = parseOne(raw, `field definitions[${index}]`)
    if (seen.has(definition.name)) throw new Error(`field definitions[${index}]: the name ${definition.name} is used twice`)
    seen.add(definition.name)
    return definition
  })
}

function parseOne(raw: unknown, where: string): FieldDefinition {
  if (!isRecord(raw)) throw new Error(`${where}: not an object`)
  const { name, type, required } = raw
  if (typeof name !== 'string' || !NAME.test(name)) throw new Error(`${where}: the name must match ${NAME.source}`)
  if (RESERVED_NAMES.includes(name)) throw new Error(`${where}: the name ${name} is reserved`)
  if (typeof type !== 'string' || !(FIELD_TYPES as readonly string[]).includes(type)) throw new Error(`${where}: unknown type ${String(type)}`)
  if (typeof required !== 'boolean') throw new Error(`${where}: required must be true or false`)
  const definition: FieldDefinition = { name, type: type as FieldType, required, label: localized(raw.label, `${where}.label`) }
  if (raw.hint !== undefined) definition.hint = localized(raw.hint, `${where}.hint`)
  if (type === 'select') definition.options = options(raw.options, `${where}.options`)
  if (type === 'number') Object.assign(definition, bounds(raw, where))
  if (raw.maxLength !== undefined) definition.maxLength = wholeNumber(raw.maxLength, `${where}.maxLength`, 1, LARGEST_MAX_LENGTH)
  return definition
}

function localized(raw: unknown, where: string): Localized {
  if (!isRecord(raw) || typeof raw.en !== 'string' || typeof raw.fr !== 'string' || raw.en.trim() === '' || raw.fr.trim() === '') {
    throw new Error(`${where}: needs an English and a French text`)
  }
  return { en: raw.en, fr: raw.fr }
}

function options(raw: unknown, where: string): FieldOption[] {
  if (!Array.isArray(raw) || raw.length === 0) throw new Error(`${where}: a select needs at least one option`)
  const values = new Set<string>()
  return raw.map((option, index) => {
    if (!isRecord(option) || typeof option.value !== 'string' || option.value === '' || option.value.length > 100) throw new Error(`${where}[${index}]: needs a value`)
    if (values.has(option.value)) throw new Error(`${where}[${index}]: the value ${option.value} is used twice`)
    values.add(option.value)
    return { value: option.value, label: localized(option.label, `${where}[${index}].label`) }
  })
}

function bounds(raw: Record<string, unknown>, where: string): Pick<FieldDefinition, 'min' | 'max'> {
  const min = raw.min === undefined ? undefined : wholeNumber(raw.min, `${where}.min`, -LARGEST_NUMBER, LARGEST_NUMBER)
  const max = raw.max === undefined ? undefined : wholeNumber(raw.max, `${where}.max`, -LARGEST_NUMBER, LARGEST_NUMBER)
  if (min !== undefined && max !== undefined && min > max) throw new Error(`${where}: min is above max`)
  return { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) }
}

function wholeNumber(raw: unknown, where: string, low: number, high: number): number {
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < low || raw > high) throw new Error(`${where}: a whole number between ${low} and ${high}`)
  return raw
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

// ---------------------------------------------------------------- reading a form

/** Reads each defined field of a posted form (other fields are ignored) and
 * checks it; error messages name the field by its label in `locale`. */
export function readFieldValues(definitions: FieldDefinition[], body: unknown, locale: FieldLocale): FieldValues {
  const result: FieldValues = { values: {}, errors: {}, answers: [] }
  const posted = (isRecord(body) ? body : {}) as FormBody
  for (const definition of definitions) {
    const label = definition.label[locale]
    const raw = Object.hasOwn(posted, definition.name) ? posted[definition.name] : undefined
    if (raw !== undefined && typeof raw !== 'string') {
      // Sent twice (or as a file): a form of ours never does; say so next to the field.
      result.values[definition.name] = ''
      result.errors[definition.name] = { key: 'fields.error.repeated', params: { label } }
      continue
    }
    const value = definition.type === 'textarea' ? cleanMultiline(raw ?? '') : cleanText(raw ?? '')
    result.values[definition.name] = value
    const checked = checkValue(definition, value, locale)
    if ('error' in checked) result.errors[definition.name] = checked.error
    else if (checked.answer) result.answers.push(checked.answer)
  }
  return result
}

type Checked = { error: FieldErrors[string] } | { answer: FieldAnswer | undefined }

function checkValue(definition: FieldDefinition, value: string, locale: FieldLocale): Checked {
  const label = definition.label[locale]
  if (value === '') {
    if (!definition.required) return { answer: undefined }
    return { error: { key: definition.type === 'select' ? 'fields.error.choose' : 'fields.error.required', params: { label } } }
  }
  const answer = (stored = value, display?: Localized): Checked => ({ answer: { name: definition.name, label: definition.label, value: stored, ...(display ? { display } : {}) } })
  switch (definition.type) {
    case 'number': return checkNumber(definition, value, locale, answer)
    case 'select': {
      const option = definition.options?.find((candidate) => candidate.value === value)
      return option ? answer(value, option.label) : { error: { key: 'fields.error.select', params: { label } } }
    }
    case 'date': return isCalendarDate(value) ? answer() : { error: { key: 'fields.error.date', params: { label } } }
    default: return checkText(definition, value, locale, answer)
  }
}

const WHOLE_NUMBER = /^-?[0-9]{1,13}$/

// Whole numbers only (a quota, a count of disks): a definition that needs
// decimals will add a step to the definition first.
function checkNumber(definition: FieldDefinition, value: string, locale: FieldLocale, answer: (stored?: string) => Checked): Checked {
  const label = definition.label[locale]
  if (!WHOLE_NUMBER.test(value)) return { error: { key: 'fields.error.number', params: { label } } }
  const number = Number(value)
  const { min, max } = definition
  if ((min === undefined || number >= min) && (max === undefined || number <= max)) return answer(String(number))
  const range = rangeOf(definition, locale)
  if (range.kind === 'none') return answer(String(number))
  return { error: { key: `fields.error.number_${range.kind}`, params: { label, ...range.params } } }
}


/** A number's bounds, written in `locale`: which of the messages (and hints) fits, with its parameters. */
export function rangeOf(definition: FieldDefinition, locale: FieldLocale): { kind: 'between' | 'min' | 'max'; params: { min?: string; max?: string } } | { kind: 'none'; params: object } {
  const format = (n: number) => NUMBER_FORMATS[locale].format(n)
  const { min, max } = definition
  if (min !== undefined && max !== undefined) return { kind: 'between', params: { min: format(min), max: format(max) } }
  if (min !== undefined) return { kind: 'min', params: { min: format(min) } }
  if (max !== undefined) return { kind: 'max', params: { max: format(max) } }
  return { kind: 'none', params: {} }
}

const PHONE = /^\+?[0-9 .()-]+$/

function checkText(definition: FieldDefinition, value: string, locale: FieldLocale, answer: () => Checked): Checked {
  const label = definition.label[locale]
  const type = definition.type as keyof typeof DEFAULT_MAX_LENGTH
  const max = definition.maxLength ?? DEFAULT_MAX_LENGTH[type]
  if (value.length > max) return { error: { key: 'fields.error.too_long', params: { label, max: NUMBER_FORMATS[locale].format(max) } } }
  if (type === 'email' && !isEmailAddress(value)) return { error: { key: 'fields.error.email', params: { label } } }
  if (type === 'tel' && !isPhoneNumber(value)) return { error: { key: 'fields.error.tel', params: { label } } }
  return answer()
}

/** `+`, digits, spaces, dots, dashes and parentheses, with 6 to 20 digits. */
export function isPhoneNumber(value: string): boolean {
  if (!PHONE.test(value)) return false
  const digits = value.replace(/[^0-9]/g, '').length
  return digits >= 6 && digits <= 20
}

/** The definitions as views/partials/custom-fields.eta shows them: every
 * text-like field with its effective maxLength (for the maxlength attribute). */
export function forDisplay(definitions: FieldDefinition[]): FieldDefinition[] {
  return definitions.map((definition) => {
    if (definition.type === 'number' || definition.type === 'select' || definition.type === 'date') return definition
    return { ...definition, maxLength: definition.maxLength ?? DEFAULT_MAX_LENGTH[definition.type] }
  })
}
