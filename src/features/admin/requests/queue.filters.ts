// The queue's filters, read from the query string (a bookmarkable GET form).
// The default view is "new": transmitted and taken by nobody, what the
// dashboard counts. An unknown value is its default, a field sent twice a 400.
import { cleanText, field } from '../../../lib/forms.js'
import { isRequestStatus, isRequestType, type RequestStatus, type RequestType } from '../../requests/request-types.js'
import { filterQuery } from '../records/list-params.js'

export const QUEUE_VIEWS = ['new', 'mine', 'open', 'updated', 'all'] as const
export type QueueView = (typeof QUEUE_VIEWS)[number]

/** Longer searches are cut: no number, title or contract name is longer. */
export const QUEUE_SEARCH_MAX = 100

export interface QueueFilters {
  view: QueueView
  status: RequestStatus | ''
  type: RequestType | ''
  /** A contract code, upper-cased. */
  contract: string
  overdue: boolean
  q: string
}

export function readQueueFilters(query: unknown): QueueFilters {
  const view = field(query, 'view')
  const status = field(query, 'status')
  const type = field(query, 'type')
  return {
    view: (QUEUE_VIEWS as readonly string[]).includes(view) ? (view as QueueView) : 'new',
    status: isRequestStatus(status) ? status : '',
    type: isRequestType(type) ? type : '',
    contract: cleanText(field(query, 'contract')).slice(0, 20).toUpperCase(),
    overdue: field(query, 'overdue') === '1',
    q: cleanText(field(query, 'q')).slice(0, QUEUE_SEARCH_MAX),
  }
}

/** The queue's URL with its filters, ready for `page=`: the pagination's links. */
export function queueListBase(filters: QueueFilters): string {
  const query = filterQuery({
    view: filters.view, status: filters.status, type: filters.type, contract: filters.contract, overdue: filters.overdue ? '1' : '', q: filters.q,
  })
  return `/admin/requests?${query}&`
}
