// The catalog's search box, category and sort, read from the query string
// (a bookmarkable GET form). A value the form can't send — a search over 100
// characters, a category that doesn't exist, a sort we don't offer — is
// answered with the form and a message next to the field (422), never a
// guess; a field sent twice is a 400 (field()).
// The catalog of one contract is a few dozen services at most (staff write
// it by hand): it is searched and sorted in memory, so `%` and `_` are
// plain text and accents can be ignored, which SQL LIKE does not do.
import { cleanText, field, type FieldErrors } from '../../lib/forms.js'
import type { Locale } from '../../i18n/index.js'
import type { ServiceWithCategory } from './catalog.queries.js'
import { comparePrices, type ShownPrice } from './browse.price.js'

export const CATALOG_SORTS = ['category', 'name', 'price'] as const
export type CatalogSort = (typeof CATALOG_SORTS)[number]
export const CATALOG_SEARCH_MAX = 100

/** The filters as typed (shown back in the form and carried by the sort links). */
export interface CatalogFilterValues {
  q: string
  category: string
  sort: string
}

export interface CatalogFilters {
  q: string
  category: string | undefined
  sort: CatalogSort
}

export type ReadCatalogFilters =
  | { ok: true; values: CatalogFilterValues; filters: CatalogFilters }
  | { ok: false; values: CatalogFilterValues; errors: FieldErrors }

export function readCatalogFilters(query: unknown, categoryCodes: string[]): ReadCatalogFilters {
  const values: CatalogFilterValues = { q: cleanText(field(query, 'q')), category: cleanText(field(query, 'category')), sort: cleanText(field(query, 'sort')) }
  const errors: FieldErrors = {}
  if (values.q.length > CATALOG_SEARCH_MAX) errors.q = { key: 'catalog.browse.error.q_long', params: { max: CATALOG_SEARCH_MAX } }
  if (values.category !== '' && !categoryCodes.includes(values.category)) errors.category = 'catalog.browse.error.category'
  if (values.sort !== '' && !(CATALOG_SORTS as readonly string[]).includes(values.sort)) errors.sort = 'catalog.browse.error.sort'
  // What is shown back is cut: a 10,000-character search is not echoed whole.
  if (Object.keys(errors).length > 0) return { ok: false, values: { q: values.q.slice(0, CATALOG_SEARCH_MAX * 2), category: values.category.slice(0, 64), sort: values.sort.slice(0, 32) }, errors }
  return { ok: true, values, filters: { q: values.q, category: values.category || undefined, sort: (values.sort || 'category') as CatalogSort } }
}

/** Lower case without accents: "Réservation" and "reservation" are the same search. */
export function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en')
}

export interface CatalogEntry {
  service: ServiceWithCategory
  price: ShownPrice
}

/** The entries (in the catalog's order) that the filters keep, in the order they ask for. */
export function applyCatalogFilters<Entry extends CatalogEntry>(entries: Entry[], filters: CatalogFilters, locale: Locale): Entry[] {
  const words = folded(filters.q)
  const kept = entries.filter(({ service }) => (!filters.category || service.category_code === filters.category)
    && (words === '' || folded(`${nameOf(service, locale)}\n${summaryOf(service, locale)}`).includes(words)))
  if (filters.sort === 'name') return kept.sort((a, b) => nameOf(a.service, locale).localeCompare(nameOf(b.service, locale), locale))
  if (filters.sort === 'price') return kept.sort((a, b) => comparePrices(a.price, b.price))
  return kept
}

const nameOf = (service: ServiceWithCategory, locale: Locale) => (locale === 'fr' ? service.name_fr : service.name_en)
const summaryOf = (service: ServiceWithCategory, locale: Locale) => (locale === 'fr' ? service.summary_fr : service.summary_en)
