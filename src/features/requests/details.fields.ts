// A request's form answers (fields_json: AnsweredField[], written when it was
// submitted) as the reader sees them: label and chosen option in their
// language. A row that can't be read shows nothing rather than failing the page.
import type { Locale } from '../../i18n/index.js'
import type { AnsweredField } from './requests.writes.js'

export interface ShownAnswer {
  label: string
  value: string
}

export function answeredFields(json: string | null, locale: Locale): ShownAnswer[] {
  if (!json) return []
  let parsed: unknown
  try {
    parsed = JSON.parse(json)
  } catch {
    return []
  }
  if (!Array.isArray(parsed)) return []
  return (parsed as AnsweredField[]).filter((answer) => answer && typeof answer.value === 'string' && answer.label).map((answer) => ({
    label: answer.label[locale] ?? answer.label.en ?? answer.name,
    value: answer.display?.[locale] ?? answer.display?.en ?? answer.value,
  }))
}
