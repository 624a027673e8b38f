// The change request form: the item's own fields (read and checked by its
// field definitions) and the optional "anything else" text.
import type { Locale } from '../../../i18n/index.js'
import { translator } from '../../../i18n/index.js'
import { parseFieldDefinitions, readFieldValues, type FieldDefinition } from '../../../lib/field-definitions.js'
import { cleanMultiline, field, type FieldErrors } from '../../../lib/forms.js'
import type { AnsweredField } from '../requests.writes.js'
import type { CatalogEntry } from './change-catalog.queries.js'

export const CHANGE_DESCRIPTION_MAX = 2000

export interface ChangeForm {
  values: Record<string, string>
  errors: FieldErrors
  answers: AnsweredField[]
  description: string
}

export function itemDefinitions(entry: CatalogEntry): FieldDefinition[] {
  return parseFieldDefinitions(entry.item.fields_json)
}

export function readChangeForm(definitions: FieldDefinition[], body: unknown, locale: Locale): ChangeForm {
  const { values, errors, answers } = readFieldValues(definitions, body, locale)
  const description = cleanMultiline(field(body, 'description'))
  if (description.length > CHANGE_DESCRIPTION_MAX) {
    errors.description = { key: 'requests.change.error.description_too_long', params: { max: translator(locale).fmt.number(CHANGE_DESCRIPTION_MAX) } }
  }
  return { values: { ...values, description }, errors, answers, description }
}
