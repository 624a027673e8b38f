// The staff list of invoices and credit notes, and one document with its
// lines, credit notes and payments. Balances in cents including VAT: an
// invoice's total, less its credit notes and the payments recorded on it.
import type { Executor } from '../../../db/database.js'
import type { InvoiceRow } from '../../../db/invoices.table.js'
import { containsPattern } from '../../../lib/like-pattern.js'
import { pageWindow } from '../records/list-params.js'

export const PAGE_SIZE = 25

export interface InvoiceFilters {
  contract: string
  month: string
  q: string
}

export interface InvoiceListRow {
  number: string
  kind: InvoiceRow['kind']
  code: string
  contract_name: string
  month: string
  issued_on: string
  total_excl_cents: number
  total_incl_cents: number
  published_at: string | null
  credited_cents: number
  paid_cents: number
}

function filtered(db: Executor, filters: InvoiceFilters) {
  let query = db.selectFrom('invoices').innerJoin('contracts', 'contracts.id', 'invoices.contract_id')
  if (filters.contract) query = query.where('contracts.code', '=', filters.contract)
  if (filters.month) query = query.where('invoices.month', '=', filters.month)
  if (filters.q) {
    const pattern = containsPattern(filters.q)
    query = query.where((eb) => eb.or([
      eb(eb.fn('lower', ['invoices.number']), 'like', eb.val(pattern)).$castTo<boolean>(),
      eb(eb.fn('lower', ['contracts.name']), 'like', eb.val(pattern)).$castTo<boolean>(),
    ]))
  }
  return query
}

export async function listInvoices(db: Executor, filters: InvoiceFilters, requestedPage: number) {
  const count = await filtered(db, filters).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  const total = Number(count.n)
  const { page, pages, offset } = pageWindow(requestedPage, total, PAGE_SIZE)
  const pageRows = await filtered(db, filters)
    .select(['invoices.id', 'invoices.number', 'invoices.kind', 'contracts.code', 'contracts.name as contract_name', 'invoices.month', 'invoices.issued_on',
      'invoices.total_excl_cents', 'invoices.total_incl_cents', 'invoices.published_at'])
    .orderBy('invoices.id', 'desc').limit(PAGE_SIZE).offset(offset).execute()
  // The page's credit notes and payments in one grouped query each, not one per row.
  const ids = pageRows.map((row) => row.id)
  const [credits, payments] = ids.length === 0 ? [[], []] : await Promise.all([
    db.selectFrom('invoices').select((eb) => ['corrects_invoice_id as id', eb.fn.sum<number>('total_incl_cents').as('cents')])
      .where('corrects_invoice_id', 'in', ids).groupBy('corrects_invoice_id').execute(),
    db.selectFrom('payments').select((eb) => ['invoice_id as id', eb.fn.sum<number>('amount_cents').as('cents')])
      .where('invoice_id', 'in', ids).groupBy('invoice_id').execute(),
  ])
  const credited = new Map(credits.map((row) => [row.id, Number(row.cents)]))
  const paid = new Map(payments.map((row) => [row.id, Number(row.cents)]))
  const rows: InvoiceListRow[] = pageRows.map(({ id, ...row }) => ({ ...row, credited_cents: credited.get(id) ?? 0, paid_cents: paid.get(id) ?? 0 }))
  return { rows, total, page, pages }
}

export async function findInvoice(db: Executor, number: string): Promise<InvoiceRow | undefined> {
  return db.selectFrom('invoices').selectAll().where('number', '=', number).executeTakeFirst()
}

export async function invoiceDetails(db: Executor, invoice: InvoiceRow) {
  const [lines, creditNotes, payments, contract, corrected] = await Promise.all([
    db.selectFrom('invoice_lines').innerJoin('contracts', 'contracts.id', 'invoice_lines.contract_id')
      .select(['invoice_lines.description', 'invoice_lines.service', 'invoice_lines.amount_excl_cents', 'contracts.code'])
      .where('invoice_id', '=', invoice.id).orderBy('position').execute(),
    db.selectFrom('invoices').select(['number', 'issued_on', 'total_excl_cents', 'total_incl_cents', 'reason', 'published_at'])
      .where('corrects_invoice_id', '=', invoice.id).orderBy('id').execute(),
    db.selectFrom('payments').innerJoin('users', 'users.id', 'payments.recorded_by')
      .select(['received_on', 'amount_cents', 'reference', 'users.first_name', 'users.last_name'])
      .where('invoice_id', '=', invoice.id).orderBy('received_on').orderBy('payments.id').execute(),
    db.selectFrom('contracts').select(['code', 'name', 'offer']).where('id', '=', invoice.contract_id).executeTakeFirstOrThrow(),
    invoice.corrects_invoice_id === null ? undefined
      : db.selectFrom('invoices').select('number').where('id', '=', invoice.corrects_invoice_id).executeTakeFirst(),
  ])
  const balance = invoice.total_incl_cents + creditNotes.reduce((sum, note) => sum + note.total_incl_cents, 0) - payments.reduce((sum, payment) => sum + payment.amount_cents, 0)
  return { lines, creditNotes, payments, contract, corrected: corrected?.number ?? null, balance }
}

export async function listImports(db: Executor, limit = 20) {
  return db.selectFrom('usage_imports').innerJoin('users', 'users.id', 'usage_imports.imported_by')
    .select(['usage_imports.file_name', 'usage_imports.rows_count', 'usage_imports.amount_micro', 'usage_imports.imported_at', 'users.first_name', 'users.last_name'])
    .orderBy('usage_imports.id', 'desc').limit(limit).execute()
}

export async function findImport(db: Executor, sha256: string) {
  return db.selectFrom('usage_imports').innerJoin('users', 'users.id', 'usage_imports.imported_by')
    .select(['usage_imports.imported_at', 'usage_imports.file_name', 'users.first_name', 'users.last_name'])
    .where('sha256', '=', sha256).executeTakeFirst()
}
