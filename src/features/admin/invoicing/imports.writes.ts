// Writing a checked usage file: its usage_imports row, its lines through
// recordUsage (roll-ups kept in step) and the audit row, in the caller's
// transaction.
import type { Executor } from '../../../db/database.js'
import { lockInvoicing } from '../../bills/invoicing.js'
import { writeAudit } from '../../../audit/audit.js'
import { PROBLEMS_SHOWN, type ImportedLine, type Problem } from '../../bills/usage-import.js'
import { recordUsage } from '../../usage/usage.writes.js'
import { findImport } from './invoices.queries.js'

export interface CheckedFile {
  sha256: string
  fileName: string
  lines: ImportedLine[]
  amountMicro: number
  contractIds: Map<string, number>
  staffId: number
  ip: string
}

/** Imports the file, or returns the earlier import of the same bytes (checked here too: two uploads at once import it once),
 * or refuses it whole, nothing written, when a line is for a month already invoiced (its contract's or its grouping
 * contract's invoice exists): that usage would never be billed. */
export async function writeImport(trx: Executor, file: CheckedFile) {
  await lockInvoicing(trx)
  const first = await findImport(trx, file.sha256)
  if (first) return first
  const invoiced = await invoicedMonthProblems(trx, file)
  if (invoiced.count > 0) return { refused: invoiced }
  const { id } = await trx.insertInto('usage_imports').values({
    sha256: file.sha256, file_name: file.fileName, rows_count: file.lines.length, amount_micro: file.amountMicro, imported_by: file.staffId, imported_at: new Date().toISOString(),
  }).returning('id').executeTakeFirstOrThrow()
  await recordUsage(trx, file.lines.map(({ contractCode, row, ...line }) => ({ ...line, contractId: file.contractIds.get(contractCode)!, importId: String(id) })))
  await writeAudit(trx, { action: 'invoicing.usage_imported', actorUserId: file.staffId, ip: file.ip,
    details: { file: file.fileName, sha256: file.sha256, rows: file.lines.length, amount_micro: file.amountMicro } })
  return undefined
}

/** The lines whose month is already invoiced for their contract (or the grouping contract billing it), checked in the writing transaction. */
async function invoicedMonthProblems(trx: Executor, file: CheckedFile): Promise<{ problems: Problem[]; count: number }> {
  const ids = [...new Set(file.contractIds.values())]
  const billedBy = new Map<number, number>()
  for (let start = 0; start < ids.length; start += 500) {
    const rows = await trx.selectFrom('contracts').select(['id', 'grouping_contract_id']).where('id', 'in', ids.slice(start, start + 500)).execute()
    for (const row of rows) billedBy.set(row.id, row.grouping_contract_id ?? row.id)
  }
  const billed = [...new Set(billedBy.values())]
  const months = [...new Set(file.lines.map((line) => line.day.slice(0, 7)))]
  const done = new Set<string>()
  for (let start = 0; start < billed.length; start += 500) {
    const rows = await trx.selectFrom('invoices').select(['contract_id', 'month']).distinct()
      .where('kind', '=', 'invoice').where('contract_id', 'in', billed.slice(start, start + 500)).where('month', 'in', months).execute()
    for (const row of rows) done.add(`${row.contract_id} ${row.month}`)
  }
  const problems: Problem[] = []
  let count = 0
  for (const line of file.lines) {
    const month = line.day.slice(0, 7)
    if (!done.has(`${billedBy.get(file.contractIds.get(line.contractCode)!)} ${month}`)) continue
    count += 1
    if (problems.length < PROBLEMS_SHOWN) {
      problems.push({ key: 'admin.invoicing.import.problem.invoiced_month', params: { row: line.row, month, value: line.contractCode } })
    }
  }
  return { problems, count }
}
