// The reads behind the bills files: the contracts a report covers, a
// published invoice of the contract with its lines, and the raw usage lines
// of a month, page by page.
import { sql } from 'kysely'
import type { Executor } from '../../db/database.js'
import type { Contract } from '../../db/contracts.table.js'
import type { InvoiceRow } from '../../db/invoices.table.js'

export interface ReportContract {
  id: number
  code: string
  name: string
}

/** The contracts whose usage a report of `contract` covers: its members when
 * it groups contracts (multi-services: billed for them, like the bills page),
 * else the contract itself. */
export async function reportContracts(db: Executor, contract: Pick<Contract, 'id' | 'code' | 'name' | 'offer'>): Promise<ReportContract[]> {
  if (contract.offer !== 'multi_services') return [{ id: contract.id, code: contract.code, name: contract.name }]
  return db.selectFrom('contracts').select(['id', 'code', 'name'])
    .where('grouping_contract_id', '=', contract.id).orderBy('code').execute()
}

/** An invoice or credit note of the contract, once shown to customers. */
export async function findPublishedInvoice(db: Executor, contractId: number, number: string): Promise<InvoiceRow | undefined> {
  return db.selectFrom('invoices').selectAll()
    .where('contract_id', '=', contractId).where('number', '=', number).where('published_at', 'is not', null)
    .executeTakeFirst()
}

export interface PrintedLine {
  service: string
  description: string
  contractCode: string
  amountExclCents: number
}

export async function invoiceLinesOf(db: Executor, invoiceId: number): Promise<PrintedLine[]> {
  const rows = await db.selectFrom('invoice_lines').innerJoin('contracts', 'contracts.id', 'invoice_lines.contract_id')
    .select(['invoice_lines.service', 'invoice_lines.description', 'contracts.code', 'invoice_lines.amount_excl_cents'])
    .where('invoice_lines.invoice_id', '=', invoiceId).orderBy('invoice_lines.position').execute()
  return rows.map((row) => ({ service: row.service, description: row.description, contractCode: row.code, amountExclCents: row.amount_excl_cents }))
}

/** The number of the invoice a credit note corrects. */
export async function invoiceNumberOf(db: Executor, invoiceId: number | null): Promise<string | undefined> {
  if (invoiceId === null) return undefined
  const row = await db.selectFrom('invoices').select('number').where('id', '=', invoiceId).executeTakeFirst()
  return row?.number
}

/** The services with usage in the month, from the monthly roll-up (no raw scan). */
export async function servicesOfMonth(db: Executor, contractIds: readonly number[], month: string): Promise<string[]> {
  if (contractIds.length === 0) return []
  const rows = await db.selectFrom('usage_monthly').select('service').distinct()
    .where('contract_id', 'in', contractIds).where('month', '=', month).orderBy('service').execute()
  return rows.map((row) => row.service)
}

export interface RawUsageLine {
  id: number
  day: string
  resource: string
  metric: string
  unit: string
  quantity_milli: number
  unit_price_micro: number
  amount_micro: number
}

export interface PageAfter {
  day: string
  id: number
}

/** One page of a contract's lines of one service in the month, after `after`
 * in (day, id) order: keyset paging along the (contract_id, day) index, so
 * every page costs the same however deep into a million lines. */
export async function usagePage(db: Executor, contractId: number, service: string, month: string, after: PageAfter | undefined, limit: number): Promise<RawUsageLine[]> {
  let query = db.selectFrom('usage_records')
    .select(['id', 'day', 'resource', 'metric', 'unit', 'quantity_milli', 'unit_price_micro', 'amount_micro'])
    .where('contract_id', '=', contractId).where('service', '=', service)
    .where('day', '>=', `${month}-01`).where('day', '<=', `${month}-31`)
  if (after) query = query.where(sql<boolean>`(day, id) > (${after.day}, ${after.id})`)
  return query.orderBy('day').orderBy('id').limit(limit).execute()
}
