// Several bills files as one zip: each chosen file is first checked and
// resolved to an entry (a published invoice of the contract, a reportable
// month…) — any problem and nothing is sent — then the entries are
// generated one after the other into the zip as it streams out (yazl reads
// its entries in order: generating them one at a time keeps one in memory).
import { PassThrough, Readable, type Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { ZipFile } from 'yazl'
import type { Executor } from '../../db/database.js'
import type { Contract } from '../../db/contracts.table.js'
import type { Translator } from '../../i18n/index.js'
import type { ChosenFile, FileProblem } from './downloads.files.js'
import { checkReportMonth } from './downloads.month.js'
import { findPublishedInvoice, type ReportContract } from './downloads.queries.js'
import { invoiceFileName, invoicePdfOf } from './invoice-pdf.js'
import { writeSimulationWorkbook } from './simulation-workbook.js'
import { utcDay } from '../usage/usage.queries.js'
import { usageCsv } from './usage-report.csv.js'
import { writeUsageWorkbook } from './usage-report.xlsx.js'

export interface ZipContext {
  db: Executor
  contract: Contract
  contracts: readonly ReportContract[]
  i18n: Translator
  now: Date
}

export interface ZipEntry {
  name: string
  /** Writes the file's bytes, or gives them at once. */
  produce: (output: Writable) => Promise<void>
}

export type Resolved = { ok: true; entries: ZipEntry[] } | { ok: false; problems: FileProblem[] }

export async function resolveEntries(context: ZipContext, files: Array<ChosenFile & { value: string }>): Promise<Resolved> {
  const entries: ZipEntry[] = []
  const problems: FileProblem[] = []
  for (const file of files) {
    const entry = await resolveEntry(context, file)
    if ('error' in entry) problems.push({ value: file.value, error: entry.error })
    else entries.push(entry)
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, entries }
}

async function resolveEntry(context: ZipContext, file: ChosenFile): Promise<ZipEntry | Pick<FileProblem, 'error'>> {
  const { db, contract, contracts, i18n, now } = context
  const valued = { contract, contracts, valued: true, t: i18n.t }
  if (file.kind === 'simulation') {
    return { name: `simulation-${utcDay(now)}.xlsx`, produce: (output) => writeSimulationWorkbook(db, { contract, contracts, now, i18n }, output) }
  }
  if (file.kind === 'invoice') {
    if (contract.offer === 'orange_business') return { error: 'bills.files.error.orange_business' }
    const invoice = await findPublishedInvoice(db, contract.id, file.number)
    if (!invoice) return { error: 'bills.files.error.invoice_unknown' }
    return { name: invoiceFileName(invoice), produce: async (output) => { output.end(await invoicePdfOf(db, invoice, i18n.locale)) } }
  }
  const month = checkReportMonth(file.month, now, contract.start_date)
  if (!month.ok) return { error: month.error }
  const input = { ...valued, month: month.month }
  if (file.kind === 'usage') return { name: `usage-${month.month}.xlsx`, produce: (output) => writeUsageWorkbook(db, input, output) }
  return { name: `usage-${month.month}.csv`, produce: (output) => pipeline(Readable.from(usageCsv(db, input)), output) }
}

/** Writes the entries into a zip, one after the other, into `output`. The
 * zip's piping is watched from the start (a failing entry destroys the
 * output: its rejection must not go unhandled, which would stop the
 * portal), and the client gone (the output closed), the entry being written
 * is destroyed so that its producer stops instead of waiting forever. */
export async function writeZip(entries: readonly ZipEntry[], output: Writable, now: Date): Promise<void> {
  const zip = new ZipFile()
  const piped = pipeline(zip.outputStream, output)
  piped.catch(() => { /* awaited below, or the entry's own failure is the one reported */ })
  let current: PassThrough | undefined
  // Destroyed without an error: yazl listens to no 'error' on its entries.
  const gone = () => { if (current && !current.writableFinished) current.destroy() }
  output.on('close', gone)
  try {
    for (const entry of entries) {
      if (output.destroyed) throw new Error('download interrupted')
      current = new PassThrough()
      zip.addReadStream(current, entry.name, { mtime: now })
      await entry.produce(current)
      if (!current.writableEnded) current.end()
    }
    zip.end()
    await piped
  } catch (error) {
    current?.destroy()
    const zipped: Readable = zip.outputStream as Readable
    zipped.destroy()
    throw error
  } finally {
    output.off('close', gone)
  }
}
