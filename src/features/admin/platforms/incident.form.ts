// Opening and updating an incident (severity, regions, texts, start), and
// closing it (the last text customers read, in both languages).
import { INCIDENT_SEVERITIES, type IncidentSeverity } from '../../../db/incidents.table.js'
import type { PlatformRegion } from '../../../db/platforms.table.js'
import { cleanMultiline, cleanText, field, type FieldErrors } from '../../../lib/forms.js'
import { localDateAndTime, localToUtc, parseLocalDate, parseLocalTime } from './recurrence.js'
import { STAFF_TIME_ZONE } from './schedule.js'
import { readRegionCodes, readTexts, regionsErrors, TEXT_MAX, textsErrors, type CustomerTexts } from './texts.form.js'

/** A start this far ahead of the server's clock is a typo, not an incident. */
const FUTURE_TOLERANCE_MS = 5 * 60_000

export interface IncidentForm extends CustomerTexts {
  severity: string
  regions: string[]
  start_date: string
  start_time: string
}

export function readIncidentForm(body: unknown, regions: readonly PlatformRegion[]): IncidentForm {
  return {
    severity: field(body, 'severity'),
    regions: readRegionCodes(body, regions),
    ...readTexts(body),
    start_date: cleanText(field(body, 'start_date')),
    start_time: cleanText(field(body, 'start_time')),
  }
}

/** The blank form: starting now, in Paris time. */
export function newIncidentValues(now: Date): IncidentForm {
  const { date, time } = localDateAndTime(now, STAFF_TIME_ZONE)
  return { severity: '', regions: [], title_en: '', title_fr: '', text_en: '', text_fr: '', start_date: date, start_time: time }
}

export function isSeverity(value: string): value is IncidentSeverity {
  return (INCIDENT_SEVERITIES as readonly string[]).includes(value)
}

/** Opening checks the start too; an update keeps the start it has. */
export function incidentErrors(form: IncidentForm, now: Date, { withStart }: { withStart: boolean }): FieldErrors {
  const errors: FieldErrors = {}
  if (!isSeverity(form.severity)) errors.severity = 'admin.platforms.error.severity'
  Object.assign(errors, regionsErrors(form.regions), textsErrors(form))
  if (withStart) Object.assign(errors, startErrors(form, now))
  return errors
}

function startErrors(form: IncidentForm, now: Date): FieldErrors {
  if (!parseLocalDate(form.start_date)) return { start_date: 'admin.platforms.error.date_invalid' }
  if (!parseLocalTime(form.start_time)) return { start_time: 'admin.platforms.error.time_invalid' }
  const start = startedAt(form)!
  if (start.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) return { start_date: 'admin.platforms.error.start_future' }
  return {}
}

export function startedAt(form: IncidentForm): Date | undefined {
  return localToUtc(form.start_date, form.start_time, STAFF_TIME_ZONE)
}

export interface CloseForm {
  close_text_en: string
  close_text_fr: string
}

export function readCloseForm(body: unknown): CloseForm {
  return { close_text_en: cleanMultiline(field(body, 'close_text_en')), close_text_fr: cleanMultiline(field(body, 'close_text_fr')) }
}

export function closeErrors(form: CloseForm): FieldErrors {
  const errors: FieldErrors = {}
  for (const [name, key] of [['close_text_en', 'admin.platforms.error.text_en_required'], ['close_text_fr', 'admin.platforms.error.text_fr_required']] as const) {
    if (!form[name]) errors[name] = key
    else if (form[name].length > TEXT_MAX) errors[name] = { key: 'account.error.too_long', params: { max: TEXT_MAX } }
  }
  return errors
}
