// Planning a maintenance window: once (a start and an end, Paris time) or
// recurring (a weekday, which of them in the month, a local start and end,
// from/until local dates). Both groups of fields are on the page (no script
// needed); the chosen kind says which one is read and checked.
import type { MaintenanceWindow } from '../../../db/maintenance-windows.table.js'
import type { PlatformRegion } from '../../../db/platforms.table.js'
import { cleanText, field, type FieldErrors } from '../../../lib/forms.js'
import { STAFF_TIME_ZONE } from './schedule.js'
import { localDateAndTime, localToUtc, MONTH_WEEKS, parseLocalDate, parseLocalTime, parseMonthWeeks, type MonthWeek } from './recurrence.js'
import { readRegionCodes, readTexts, regionsErrors, textsErrors, type CustomerTexts } from './texts.form.js'

/** The checkbox of each week of the month. */
export const WEEK_FIELDS: ReadonlyArray<[week: MonthWeek, name: string]> = MONTH_WEEKS.map((week) => [week, week > 0 ? `week_${week}` : `week_last${week === -1 ? '' : -week}`])
/** Monday first, as a French or British calendar shows them (0 is Sunday). */
export const WEEKDAYS_MONDAY_FIRST = [1, 2, 3, 4, 5, 6, 0] as const
const MAX_ONCE_DAYS = 31

export interface MaintenanceForm extends CustomerTexts {
  kind: string
  regions: string[]
  once_start_date: string
  once_start_time: string
  once_end_date: string
  once_end_time: string
  weekday: string
  weeks: MonthWeek[]
  recurring_start: string
  recurring_end: string
  valid_from: string
  valid_until: string
}

export function readMaintenanceForm(body: unknown, regions: readonly PlatformRegion[]): MaintenanceForm {
  const text = (name: string) => cleanText(field(body, name))
  return {
    kind: field(body, 'kind'),
    regions: readRegionCodes(body, regions),
    ...readTexts(body),
    once_start_date: text('once_start_date'), once_start_time: text('once_start_time'),
    once_end_date: text('once_end_date'), once_end_time: text('once_end_time'),
    weekday: field(body, 'weekday'),
    weeks: WEEK_FIELDS.filter(([, name]) => field(body, name) === 'on').map(([week]) => week),
    recurring_start: text('recurring_start'), recurring_end: text('recurring_end'),
    valid_from: text('valid_from'), valid_until: text('valid_until'),
  }
}

export function maintenanceErrors(form: MaintenanceForm, now: Date): FieldErrors {
  const errors: FieldErrors = {}
  if (form.kind === 'once') Object.assign(errors, onceErrors(form, now))
  else if (form.kind === 'recurring') Object.assign(errors, recurringErrors(form))
  else errors.kind = 'admin.platforms.maintenance.error.kind'
  return { ...errors, ...regionsErrors(form.regions), ...textsErrors(form) }
}

function dateTimeErrors(form: MaintenanceForm, date: 'once_start_date' | 'once_end_date', time: 'once_start_time' | 'once_end_time'): FieldErrors {
  const errors: FieldErrors = {}
  if (!parseLocalDate(form[date])) errors[date] = 'admin.platforms.error.date_invalid'
  else if (!parseLocalTime(form[time])) errors[time] = 'admin.platforms.error.time_invalid'
  return errors
}

function onceErrors(form: MaintenanceForm, now: Date): FieldErrors {
  const errors = { ...dateTimeErrors(form, 'once_start_date', 'once_start_time'), ...dateTimeErrors(form, 'once_end_date', 'once_end_time') }
  if (Object.keys(errors).length > 0) return errors
  const { start, end } = onceInterval(form)
  if (end <= start) return { once_end_date: 'admin.platforms.maintenance.error.end_before_start' }
  if (end <= now) return { once_end_date: 'admin.platforms.maintenance.error.end_past' }
  if (end.getTime() - start.getTime() > MAX_ONCE_DAYS * 24 * 3_600_000) return { once_end_date: { key: 'admin.platforms.maintenance.error.too_long', params: { days: MAX_ONCE_DAYS } } }
  return {}
}

function recurringErrors(form: MaintenanceForm): FieldErrors {
  const errors: FieldErrors = {}
  if (!/^[0-6]$/.test(form.weekday)) errors.weekday = 'admin.platforms.maintenance.error.weekday'
  if (form.weeks.length === 0) errors.weeks = 'admin.platforms.maintenance.error.weeks'
  if (!parseLocalTime(form.recurring_start)) errors.recurring_start = 'admin.platforms.error.time_invalid'
  if (!parseLocalTime(form.recurring_end)) errors.recurring_end = 'admin.platforms.error.time_invalid'
  else if (form.recurring_end === form.recurring_start) errors.recurring_end = 'admin.platforms.maintenance.error.same_times'
  if (!parseLocalDate(form.valid_from)) errors.valid_from = 'admin.platforms.error.date_invalid'
  if (form.valid_until && !parseLocalDate(form.valid_until)) errors.valid_until = 'admin.platforms.error.date_invalid'
  else if (form.valid_until && !errors.valid_from && form.valid_until < form.valid_from) errors.valid_until = 'admin.platforms.maintenance.error.until_before_from'
  return errors
}

function onceInterval(form: MaintenanceForm): { start: Date; end: Date } {
  return {
    start: localToUtc(form.once_start_date, form.once_start_time, STAFF_TIME_ZONE)!,
    end: localToUtc(form.once_end_date, form.once_end_time, STAFF_TIME_ZONE)!,
  }
}

const minutesOf = (time: string) => { const [h, m] = parseLocalTime(time)!; return h * 60 + m }

/** The columns a valid form writes; an end time earlier than the start is the next day. */
export function windowColumns(form: MaintenanceForm) {
  const texts = { title_en: form.title_en, title_fr: form.title_fr, text_en: form.text_en, text_fr: form.text_fr }
  const none = { starts_at: null, ends_at: null, weekday: null, month_weeks: null, local_start: null, duration_minutes: null, valid_from: null, valid_until: null }
  if (form.kind === 'once') {
    const { start, end } = onceInterval(form)
    return { ...texts, ...none, kind: 'once' as const, time_zone: STAFF_TIME_ZONE, starts_at: start.toISOString(), ends_at: end.toISOString() }
  }
  return {
    ...texts, ...none, kind: 'recurring' as const, time_zone: STAFF_TIME_ZONE,
    weekday: Number(form.weekday), month_weeks: form.weeks.join(','), local_start: form.recurring_start,
    duration_minutes: (minutesOf(form.recurring_end) - minutesOf(form.recurring_start) + 1440) % 1440,
    valid_from: form.valid_from, valid_until: form.valid_until || null,
  }
}

/** The blank form: a recurring rule would start today. */
export function newMaintenanceValues(now: Date): MaintenanceForm {
  return {
    kind: '', regions: [], title_en: '', title_fr: '', text_en: '', text_fr: '',
    once_start_date: '', once_start_time: '', once_end_date: '', once_end_time: '',
    weekday: '', weeks: [], recurring_start: '', recurring_end: '', valid_from: localDateAndTime(now, STAFF_TIME_ZONE).date, valid_until: '',
  }
}

/** A saved window as its form shows it, in Paris time. */
export function maintenanceValues(window: MaintenanceWindow & { regions: PlatformRegion[] }, now: Date): MaintenanceForm {
  const local = (iso: string | null) => (iso ? localDateAndTime(new Date(iso), STAFF_TIME_ZONE) : { date: '', time: '' })
  const [start, end] = [local(window.starts_at), local(window.ends_at)]
  const endMinutes = (minutesOf(window.local_start ?? '00:00') + (window.duration_minutes ?? 0)) % 1440
  return {
    ...newMaintenanceValues(now),
    kind: window.kind, regions: window.regions.map((region) => region.code),
    title_en: window.title_en, title_fr: window.title_fr, text_en: window.text_en, text_fr: window.text_fr,
    once_start_date: start.date, once_start_time: start.time, once_end_date: end.date, once_end_time: end.time,
    ...(window.kind === 'recurring' ? {
      weekday: String(window.weekday ?? ''), weeks: parseMonthWeeks(window.month_weeks), recurring_start: window.local_start ?? '',
      recurring_end: `${String(Math.floor(endMinutes / 60)).padStart(2, '0')}:${String(endMinutes % 60).padStart(2, '0')}`,
      valid_from: window.valid_from ?? '', valid_until: window.valid_until ?? '',
    } : {}),
  }
}
