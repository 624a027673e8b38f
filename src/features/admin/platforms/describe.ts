// A maintenance window's schedule in words, in the reader's language: "Every
// first and last Wednesday of the month, 00:00–06:00, from 1 January 2026".
import type { Translator } from '../../../i18n/index.js'
import { parseLocalTime, parseMonthWeeks, type WindowRule } from './recurrence.js'
import { STAFF_TIME_ZONE } from './schedule.js'

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`

const tagOf = (locale: Translator['locale']) => (locale === 'fr' ? 'fr-FR' : 'en-GB')

// Building an Intl formatter costs more than a page's queries: one per language, made on first use.
const intervalFormats = new Map<Translator['locale'], Intl.DateTimeFormat>()
const listFormats = new Map<Translator['locale'], Intl.ListFormat>()

function once<F>(cache: Map<Translator['locale'], F>, locale: Translator['locale'], make: () => F): F {
  const made = cache.get(locale) ?? make()
  cache.set(locale, made)
  return made
}

/** "25 Nov 2026, 00:00–06:00", or both dates when the interval spans midnight (Paris time). */
export function intervalFormatter(locale: Translator['locale']): (start: Date | string, end: Date | string) => string {
  const format = once(intervalFormats, locale, () => new Intl.DateTimeFormat(tagOf(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone: STAFF_TIME_ZONE }))
  return (start, end) => format.formatRange(new Date(start), new Date(end))
}

export function scheduleDescriber({ t, fmt, locale }: Translator): (window: WindowRule) => string {
  const list = once(listFormats, locale, () => new Intl.ListFormat(tagOf(locale), { type: 'conjunction' }))
  const interval = intervalFormatter(locale)
  return (window) => {
    if (window.kind === 'once') return interval(window.starts_at!, window.ends_at!)
    const [hours, minutes] = parseLocalTime(window.local_start) ?? [0, 0]
    const endMinutes = hours * 60 + minutes + (window.duration_minutes ?? 0)
    const end = endMinutes < 1440 ? hhmm(endMinutes) : t('admin.platforms.rule.next_day', { time: hhmm(endMinutes % 1440) })
    const rule = t('admin.platforms.rule.recurring', {
      weeks: list.format(parseMonthWeeks(window.month_weeks).map((week) => t(`admin.platforms.week.${week}`))),
      weekday: t(`admin.platforms.weekday.${(window.weekday ?? 0) as 0 | 1 | 2 | 3 | 4 | 5 | 6}`),
      start: hhmm(hours * 60 + minutes), end,
    })
    const validity = window.valid_until
      ? t('admin.platforms.rule.between', { from: fmt.date(window.valid_from), until: fmt.date(window.valid_until) })
      : t('admin.platforms.rule.since', { from: fmt.date(window.valid_from) })
    return `${rule}, ${validity}`
  }
}
