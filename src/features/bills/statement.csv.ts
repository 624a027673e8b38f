// The account statement as CSV (RFC 4180 through the records export's
// helpers: every field quoted, formula starts neutralised, UTF-8 BOM).
// Headers in the user's language; dates ISO and amounts in euros with a dot,
// so that any spreadsheet or script reads them the same way.
import type { Translate } from '../../i18n/index.js'
import { CSV_START, csvLine } from '../admin/records/csv.js'
import type { Statement } from './statement.entries.js'

/** Cents as decimal euros with a dot: -1234 → "-12.34". */
export function euros(cents: number): string {
  const sign = cents < 0 ? '-' : ''
  const abs = Math.abs(cents)
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

export function statementCsv(statement: Statement, t: Translate): string {
  const header = csvLine(['date', 'type', 'reference', 'invoice', 'due_on', 'debit', 'credit', 'balance'].map((column) => t(`bills.statement.csv.${column}` as Parameters<Translate>[0])))
  const lines = statement.entries.map((entry) => csvLine([
    entry.date, t(`bills.statement.kind.${entry.kind}`), entry.reference, entry.invoiceNumber ?? '', entry.dueOn ?? '',
    entry.debitCents ? euros(entry.debitCents) : '', entry.creditCents ? euros(entry.creditCents) : '', euros(entry.balanceCents),
  ]))
  return CSV_START + header + lines.join('')
}
