// The incident form: what the customer typed, and its faults (keys of
// requests.incident.error.*). The attachment is checked by ../attachments.ts.
import type { Offer } from '../../../db/contracts.table.js'
import { cleanMultiline, cleanText, field, type FieldErrors } from '../../../lib/forms.js'
import { translator, type Locale } from '../../../i18n/index.js'
import { isPriority, type Priority } from '../request-types.js'
import { incidentService } from './incident-services.js'

export const TITLE_MAX = 150
export const DESCRIPTION_MAX = 5000

export interface IncidentForm {
  service: string
  priority: string
  title: string
  description: string
}

export interface ValidIncident extends IncidentForm {
  priority: Priority
}

export function emptyIncident(title = ''): IncidentForm {
  return { service: '', priority: '', title, description: '' }
}

/** A field sent twice is a 400 (field()). */
export function readIncidentForm(body: unknown): IncidentForm {
  return {
    service: cleanText(field(body, 'service')),
    priority: cleanText(field(body, 'priority')),
    title: cleanText(field(body, 'title')),
    description: cleanMultiline(field(body, 'description')),
  }
}

export function incidentErrors(form: IncidentForm, offer: Offer, locale: Locale): FieldErrors {
  const errors: FieldErrors = {}
  const { fmt } = translator(locale)
  if (!incidentService(offer, form.service)) errors.service = 'requests.incident.error.service'
  if (!isPriority(form.priority)) errors.priority = 'requests.incident.error.priority'
  if (form.title === '') errors.title = 'requests.incident.error.title_required'
  else if (form.title.length > TITLE_MAX) errors.title = { key: 'requests.incident.error.title_too_long', params: { max: fmt.number(TITLE_MAX) } }
  if (form.description === '') errors.description = 'requests.incident.error.description_required'
  else if (form.description.length > DESCRIPTION_MAX) errors.description = { key: 'requests.incident.error.description_too_long', params: { max: fmt.number(DESCRIPTION_MAX) } }
  return errors
}

export function isValidIncident(form: IncidentForm, errors: FieldErrors): form is ValidIncident {
  return Object.keys(errors).length === 0
}

/** The words of step 1 (the query's `title`), cut to a title's length: a
 * pasted novel searches with its beginning. Undefined: step 1 not sent. */
export function summaryOf(query: unknown): string | undefined {
  if ((query as Record<string, unknown> | undefined)?.title === undefined) return undefined
  return cleanText(field(query, 'title')).slice(0, TITLE_MAX)
}
