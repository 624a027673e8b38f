// GET /bills/:code/usage.xlsx?month= and usage.csv?month=: a month's usage
// report, valued (prices and amounts) only for billing managers; a visitor
// gets the same lines without them. A bad month is a 422 page.
import { Readable } from 'node:stream'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { BadRequestError } from '../../lib/http-errors.js'
import { can } from '../../policy/index.js'
import { checkReportMonth } from './downloads.month.js'
import { reportContracts } from './downloads.queries.js'
import { fileHeaders, streamFile } from './downloads.stream.js'
import { refuseOrangeBusiness, renderDownloadError } from './downloads.errors.js'
import { usageCsv } from './usage-report.csv.js'
import { writeUsageWorkbook } from './usage-report.xlsx.js'

export function usageReportHandler(format: 'xlsx' | 'csv', now: () => Date) {
  return async function sendUsageReport(request: FastifyRequest, reply: FastifyReply) {
    const refused = refuseOrangeBusiness(request, reply)
    if (refused) return refused
    const rights = request.rights!
    const { contract } = rights
    const raw = (request.query as Record<string, unknown>).month
    if (Array.isArray(raw)) throw new BadRequestError('month sent twice')
    const checked = checkReportMonth(raw, now(), contract.start_date)
    if (!checked.ok) return renderDownloadError(request, reply, [{ value: typeof raw === 'string' ? raw.slice(0, 40) : '', error: checked.error }])
    const db = request.server.db
    const input = { contract, contracts: await reportContracts(db, contract), month: checked.month, valued: can(rights, 'billing', 'manager'), t: request.i18n.t }
    const fileName = usageFileName(contract.code, checked.month, format)
    if (format === 'csv') return fileHeaders(reply, 'csv', fileName).send(Readable.from(usageCsv(db, input)))
    return streamFile(request, reply, 'xlsx', fileName, (output) => writeUsageWorkbook(db, input, output))
  }
}

/** usage-OCB0000101-2026-10.xlsx */
export function usageFileName(code: string, month: string, format: 'xlsx' | 'csv'): string {
  return `usage-${code}-${month}.${format}`
}
