// The Requests list's filters, read from the query string (a bookmarkable GET
// form shared by the page and its CSV export). A value the form can't have
// sent (an unknown status, type or sort, a search over 100 characters) is
// answered with the form and a message next to the field (422), never a
// guess; a field sent twice is a 400 (field()); a page that isn't a positive
// number is a 400 too: the form never sends one, only a hand-made address.
import { cleanText, field, type FieldErrors } from '../../lib/forms.js'
import { BadRequestError } from '../../lib/http-errors.js'
import { isRequestStatus, isRequestType, type RequestStatus, type RequestType } from './request-types.js'

export const SORTS = ['date_desc', 'date_asc'] as const
export type Sort = (typeof SORTS)[number]

export const SEARCH_MAX = 100

/** The filters as typed, shown back in the form and carried by every link of the page. */
export interface FilterValues {
  contract: string
  status: string
  type: string
  q: string
  sort: string
}

export interface RequestFilters {
  /** A contract code, '' for every contract; checked against the user's scope by the handler. */
  contract: string
  status: RequestStatus | undefined
  type: RequestType | undefined
  q: string
  sort: Sort
}

export type ReadFilters =
  | { ok: true; values: FilterValues; filters: RequestFilters }
  | { ok: false; values: FilterValues; errors: FieldErrors }

export function readRequestFilters(query: unknown): ReadFilters {
  const values: FilterValues = {
    contract: cleanText(field(query, 'contract')).slice(0, 32),
    status: cleanText(field(query, 'status')),
    type: cleanText(field(query, 'type')),
    q: cleanText(field(query, 'q')),
    sort: cleanText(field(query, 'sort')),
  }
  const errors = filterErrors(values)
  if (Object.keys(errors).length > 0) return { ok: false, values: { ...values, q: values.q.slice(0, SEARCH_MAX * 2) }, errors }
  return {
    ok: true, values,
    filters: {
      contract: values.contract,
      status: values.status === '' ? undefined : (values.status as RequestStatus),
      type: values.type === '' ? undefined : (values.type as RequestType),
      q: values.q,
      sort: values.sort === '' ? 'date_desc' : (values.sort as Sort),
    },
  }
}

function filterErrors(values: FilterValues): FieldErrors {
  const errors: FieldErrors = {}
  if (values.type !== '' && !isRequestType(values.type)) errors.type = 'requests.list.error.type'
  if (values.status !== '' && !isRequestStatus(values.status)) errors.status = 'requests.list.error.status'
  if (values.q.length > SEARCH_MAX) errors.q = { key: 'requests.list.error.q_long', params: { max: SEARCH_MAX } }
  if (values.sort !== '' && !(SORTS as readonly string[]).includes(values.sort)) errors.sort = 'requests.list.error.sort'
  return errors
}

/** The requested page: 1 when absent; a 400 when it isn't a positive number (capped later at the last page). */
export function readRequestedPage(query: unknown): number {
  const raw = field(query, 'page')
  if (raw === '') return 1
  if (!/^[1-9][0-9]{0,5}$/.test(raw)) throw new BadRequestError('page must be a positive number')
  return Number(raw)
}

/** The query string of the filters (empty ones left out): links of the page, the CSV, the pagination. */
export function filtersQuery(values: FilterValues): string {
  return new URLSearchParams(Object.entries(values).filter(([, value]) => value !== '')).toString()
}

/** Whether any filter narrows the list (the "clear filters" link, which empty state to show). */
export function hasActiveFilters(values: FilterValues): boolean {
  return values.contract !== '' || values.status !== '' || values.type !== '' || values.q !== ''
}
