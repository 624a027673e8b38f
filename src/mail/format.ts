// Dates and durations in the recipient's language, through Intl. Times are
// shown in Europe/Paris with the zone named, since the reader may be elsewhere.
import type { Locale } from '../db/users.table.js'

const TAGS: Record<Locale, string> = { en: 'en-GB', fr: 'fr-FR' }

const dateTimes: Record<Locale, Intl.DateTimeFormat> = {
  en: dateTimeFormat('en'),
  fr: dateTimeFormat('fr'),
}

function dateTimeFormat(locale: Locale): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(TAGS[locale], {
    day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit',
    timeZone: 'Europe/Paris', timeZoneName: 'short',
  })
}

export function formatDateTime(locale: Locale, iso: string): string {
  return dateTimes[locale].format(new Date(iso))
}

/** "30 minutes", "1 heure", "72 hours": Intl chooses the plural. */
export function formatDuration(locale: Locale, value: number, unit: 'minute' | 'hour'): string {
  return new Intl.NumberFormat(TAGS[locale], { style: 'unit', unit, unitDisplay: 'long' }).format(value)
}

const euros: Record<Locale, Intl.NumberFormat> = {
  en: new Intl.NumberFormat(TAGS.en, { style: 'currency', currency: 'EUR' }),
  fr: new Intl.NumberFormat(TAGS.fr, { style: 'currency', currency: 'EUR' }),
}

/** 1 234,56 € / €1,234.56 */
export function formatEuros(locale: Locale, cents: number): string {
  return euros[locale].format(cents / 100)
}
