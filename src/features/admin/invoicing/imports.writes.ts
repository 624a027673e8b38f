// Writing a checked usage file: its usage_imports row, its lines through
// recordUsage (roll-ups kept in step) and the audit row, in the caller's
// transaction.
import type { Executor } from '../../../db/database.js'
import { writeAudit } from '../../../audit/audit.js'
import type { ImportedLine } from '../../bills/usage-import.js'
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

/** Imports the file, or returns the earlier import of the same bytes (checked here too: two uploads at once import it once). */
export async function writeImport(trx: Executor, file: CheckedFile) {
  const first = await findImport(trx, file.sha256)
  if (first) return first
  const { id } = await trx.insertInto('usage_imports').values({
    sha256: file.sha256, file_name: file.fileName, rows_count: file.lines.length, amount_micro: file.amountMicro, imported_by: file.staffId, imported_at: new Date().toISOString(),
  }).returning('id').executeTakeFirstOrThrow()
  await recordUsage(trx, file.lines.map(({ contractCode, row, ...line }) => ({ ...line, contractId: file.contractIds.get(contractCode)!, importId: String(id) })))
  await writeAudit(trx, { action: 'invoicing.usage_imported', actorUserId: file.staffId, ip: file.ip,
    details: { file: file.fileName, sha256: file.sha256, rows: file.lines.length, amount_micro: file.amountMicro } })
  return undefined
}
