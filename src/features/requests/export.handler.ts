// GET /requests/export.csv: the filtered list as a CSV file, for a
// spreadsheet. Streamed in batches of 500 read by (date, id) — not bounded:
// every batch is a short indexed query, so a 20,000-request download never
// holds the (single) database connection for long. Same filters as the page;
// with a filter the form can't send, the page with its messages (422).
import { Readable } from 'node:stream'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Executor } from '../../db/database.js'
import type { Translate } from '../../i18n/index.js'
import { parisDay } from '../../lib/paris-calendar.js'
import { loadRequestScope } from '../../policy/index.js'
import { CSV_START, csvHeaders, csvLine } from '../admin/records/csv.js'
import { readRequestFilters } from './list.filters.js'
import { renderRequestList } from './list.handler.js'
import { requestsAfter, type ListCursor, type RequestSearch } from './list.queries.js'
import { searchFor } from './list.search.js'
import { requestNumber } from './request-number.js'

const BATCH = 500
const COLUMNS = ['number', 'title', 'type', 'contract_code', 'contract_name', 'status', 'created', 'updated'] as const

export async function exportRequests(request: FastifyRequest, reply: FastifyReply) {
  const read = readRequestFilters(request.query)
  const scope = await loadRequestScope(request.server.db, request.user!)
  if (!read.ok) return renderRequestList(request, reply.code(422), scope, read.values, read.errors)
  const search = searchFor(scope, read.filters)
  return reply.headers(csvHeaders(exportFileName(new Date()))).send(Readable.from(requestsCsv(request.server.db, search, request.i18n.t)))
}

/** requests-YYYY-MM-DD.csv, the day in Paris. */
export function exportFileName(now: Date): string {
  return `requests-${parisDay(now)}.csv`
}

async function* requestsCsv(db: Executor, search: RequestSearch, t: Translate): AsyncGenerator<string> {
  yield CSV_START + csvLine(COLUMNS.map((column) => t(`requests.export.col.${column}`)))
  let cursor: ListCursor | undefined
  for (;;) {
    const batch = await requestsAfter(db, search, cursor, BATCH)
    for (const row of batch) {
      yield csvLine([requestNumber(row.id), row.title, t(`requests.type.${row.type}`), row.contract_code, row.contract_name,
        t(`requests.status.${row.status}`), row.created_at, row.updated_at])
    }
    const last = batch.at(-1)
    if (!last || batch.length < BATCH) return
    cursor = { createdAt: last.created_at, id: last.id }
  }
}
