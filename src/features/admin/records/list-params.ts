// What every list of the records pages reads from its query string.
import { field } from '../../../lib/forms.js'

/** The requested page: 1 when absent or not a number; capped later at the last page. */
export function requestedPage(query: unknown): number {
  const raw = field(query, 'page')
  return /^[1-9][0-9]{0,8}$/.test(raw) ? Number(raw) : 1
}

/** The page to show and the number of pages, for `total` rows. A page past
 * the end shows the last one (an old bookmark, or a hand-typed 99999). */
export function pageWindow(requested: number, total: number, pageSize: number): { page: number; pages: number; offset: number } {
  const pages = Math.max(1, Math.ceil(total / pageSize))
  const page = Math.min(requested, pages)
  return { page, pages, offset: (page - 1) * pageSize }
}

/** The query string of a list's filters (empty ones left out), for links and the pagination. */
export function filterQuery(values: Record<string, string>): string {
  const params = new URLSearchParams(Object.entries(values).filter(([, value]) => value !== ''))
  return params.toString()
}
