// The month's usage report as CSV (RFC 4180: comma separated, CRLF, text
// quoted, a UTF-8 byte order mark for spreadsheet programs): the columns of
// the workbook's line sheets, all services in one file, generated page by
// page as the client reads (Readable.from pulls the generator).
import type { Executor } from '../../db/database.js'
import type { Translate } from '../../i18n/index.js'
import { CSV_START, csvField } from '../admin/records/csv.js'
import type { ReportContract } from './downloads.queries.js'
import { servicesOfMonth } from './downloads.queries.js'
import { reportColumns, type ReportColumn } from './usage-report.columns.js'
import { serviceLinePages } from './usage-report.lines.js'

export interface UsageCsvInput {
  contracts: readonly ReportContract[]
  month: string
  valued: boolean
  t: Translate
}

export async function* usageCsv(db: Executor, input: UsageCsvInput): AsyncGenerator<string> {
  const columns = reportColumns({ valued: input.valued, severalContracts: input.contracts.length > 1 })
  yield CSV_START + columns.map((column) => csvField(input.t(column.header))).join(',') + '\r\n'
  const services = await servicesOfMonth(db, input.contracts.map((contract) => contract.id), input.month)
  for (const service of services) {
    for await (const page of serviceLinePages(db, input.contracts, service, input.month)) {
      const context = { contractCode: page.contract.code, service }
      yield page.lines.map((line) => columns.map((column) => csvCell(column, column.value(line, context))).join(',') + '\r\n').join('')
    }
  }
}

/** Numbers bare (a negative quantity must stay a number); text quoted and kept from being read as a formula. */
function csvCell(column: ReportColumn, value: string | number): string {
  return typeof value === 'number' && (column.kind === 'quantity' || column.kind === 'price' || column.kind === 'amount') ? String(value) : csvField(value)
}
