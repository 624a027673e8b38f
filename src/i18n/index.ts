// Translation and formatting for one locale. `translator(locale)` is built
// once per locale and shared: templates receive `t` and `fmt`.
import { en, type MessageKey } from './en.js'
import { fr } from './fr.js'
import type { Locale } from '../db/users.table.js'

export type { MessageKey, Locale }
export const LOCALES: readonly Locale[] = ['en', 'fr']
export const catalogs: Record<Locale, Record<MessageKey, string>> = { en, fr }

export type Params = Record<string, string | number>
export type Translate = (key: MessageKey, params?: Params) => string

export function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'fr'
}

function interpolate(template: string, params?: Params): string {
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}

export interface Formatters {
  date(iso: string | null | undefined): string
  dateTime(iso: string | null | undefined): string
  money(cents: number | null | undefined): string
  number(value: number): string
  percent(value: number): string
}

function formatters(locale: Locale): Formatters {
  const tag = locale === 'fr' ? 'fr-FR' : 'en-GB'
  const date = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' })
  const dateTime = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Paris' })
  const money = new Intl.NumberFormat(tag, { style: 'currency', currency: 'EUR' })
  const number = new Intl.NumberFormat(tag)
  const percent = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 })
  return {
    date: (iso) => (iso ? date.format(new Date(iso)) : ''),
    dateTime: (iso) => (iso ? dateTime.format(new Date(iso)) : ''),
    money: (cents) => (cents === null || cents === undefined ? '' : money.format(cents / 100)),
    number: (value) => number.format(value),
    percent: (value) => percent.format(value / 100),
  }
}

export interface Translator {
  locale: Locale
  t: Translate
  fmt: Formatters
}

// A message counting something may have a singular form under `<key>.one`;
// the key itself holds the other form. Intl.PluralRules picks ("0 non lue"
// and "1 non lue" are singular in French, "0 unread" is plural in English).
function translate(locale: Locale, catalog: Record<string, string>): Translate {
  const plurals = new Intl.PluralRules(locale === 'fr' ? 'fr-FR' : 'en-GB')
  return (key, params) => {
    const count = params?.count
    const singular = typeof count === 'number' && plurals.select(count) === 'one' ? catalog[`${key}.one`] : undefined
    return interpolate(singular ?? catalog[key]!, params)
  }
}

const translators: Record<Locale, Translator> = {
  en: { locale: 'en', t: translate('en', en), fmt: formatters('en') },
  fr: { locale: 'fr', t: translate('fr', fr), fmt: formatters('fr') },
}

export function translator(locale: Locale): Translator {
  return translators[locale]
}

/** The preferred supported language of an Accept-Language header. */
export function localeFromAcceptLanguage(header: string | undefined): Locale | undefined {
  if (!header) return undefined
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...options] = part.trim().split(';')
      const q = options.map((o) => o.trim()).find((o) => o.startsWith('q='))
      return { lang: tag.slice(0, 2).toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 }
    })
    .sort((a, b) => b.q - a.q)
  return ranked.map((r) => r.lang).find(isLocale)
}
