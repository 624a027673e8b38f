// The invoicing run: closing a past month turns each billable contract's usage
// into one invoice (pricing.ts, like the bills page and the Excel files), with
// gapless numbers, in the caller's transaction: a failure anywhere writes
// nothing, and closing the same month again issues nothing (the invoices that
// exist are skipped; a UNIQUE index on (contract, month) backs that up).
//
// A member of a multi-services grouping contract is never invoiced alone: its
// grouping contract gets ONE invoice with lines per member and service.
// Orange Business contracts are invoiced like any other (the series stays
// whole and the account statement right); the customer side hides them.
import type { Executor } from '../../db/database.js'
import { serializeSection } from '../../db/portable.js'
import type { InvoiceRow } from '../../db/invoices.table.js'
import { addDays, invoiceCustomer, lastDayOfMonth } from './invoicing-customer.js'
import { nextNumber } from './invoicing-numbers.js'
import { monthUsage, serviceLines, totalsOf, VAT_RATE_BP } from './pricing.js'
import { parisDay } from '../../lib/paris-calendar.js'
import { utcMonth } from '../usage/usage.queries.js'
import { writeAudit } from '../../audit/audit.js'

export { nextNumber } from './invoicing-numbers.js'
export type { InvoiceCustomer } from './invoicing-customer.js'

/** Days between issue and due date. */
export const PAYMENT_TERM_DAYS = 30

export interface CloseMonthInput {
  /** A contract's id, or every contract. */
  contractId: number | 'all'
  /** YYYY-MM, before the UTC month of `now`. */
  month: string
  now: Date
  staffId: number | null
}

export interface CloseMonthResult {
  issued: InvoiceRow[]
  /** Billable contracts with no usage that month. */
  skippedNoUsage: number
  /** Contracts already invoiced for that month. */
  alreadyInvoiced: number
}

/** Thrown for a month that is not over yet, or a member contract asked alone. */
export class InvoicingRefused extends Error {
  override name = 'InvoicingRefused'
}

interface Billable {
  id: number
  code: string
  /** The billed contract first, then its members by code. */
  usageOf: number[]
}

/** Closing a month and importing usage take turns: usage imported while its month is being invoiced would never be billed. */
export function lockInvoicing(trx: Executor): Promise<void> {
  return serializeSection(trx, 'invoicing')
}

/** Issues the month's invoices (unpublished) in contract-code order. Call it with `trx`. */
export async function closeMonth(trx: Executor, input: CloseMonthInput): Promise<CloseMonthResult> {
  await lockInvoicing(trx)
  if (!/^[0-9]{4}-(0[1-9]|1[0-2])$/.test(input.month) || input.month >= utcMonth(input.now)) throw new InvoicingRefused(`month ${input.month} is not over`)
  const billables = await billableContracts(trx, input.contractId)
  const invoiced = await invoicedContracts(trx, input.month)
  const result: CloseMonthResult = { issued: [], skippedNoUsage: 0, alreadyInvoiced: 0 }
  for (const billable of billables) {
    if (invoiced.has(billable.id)) { result.alreadyInvoiced += 1; continue }
    const invoice = await issueInvoice(trx, billable, input)
    if (invoice) result.issued.push(invoice)
    else result.skippedNoUsage += 1
  }
  if (result.issued.length > 0) {
    await writeAudit(trx, { action: 'invoicing.month_closed', actorUserId: input.staffId, contractId: input.contractId === 'all' ? null : input.contractId,
      details: { month: input.month, issued: result.issued.map((invoice) => invoice.number), skipped: result.skippedNoUsage } })
  }
  return result
}

/** Contracts invoiced in their own name (not members of a grouping), by code, each with the contracts whose usage it bills. */
async function billableContracts(trx: Executor, contractId: number | 'all'): Promise<Billable[]> {
  let query = trx.selectFrom('contracts').select(['id', 'code', 'grouping_contract_id']).orderBy('code')
  if (contractId !== 'all') query = query.where('id', '=', contractId)
  const contracts = await query.execute()
  const member = contracts.find((contract) => contract.grouping_contract_id !== null)
  if (contractId !== 'all' && member) throw new InvoicingRefused(`contract ${member.code} is invoiced through its grouping contract`)
  const members = await trx.selectFrom('contracts').select(['id', 'grouping_contract_id']).where('grouping_contract_id', 'is not', null).orderBy('code').execute()
  return contracts.filter((contract) => contract.grouping_contract_id === null).map((contract) => ({
    id: contract.id, code: contract.code,
    usageOf: [contract.id, ...members.filter((row) => row.grouping_contract_id === contract.id).map((row) => row.id)],
  }))
}

async function invoicedContracts(trx: Executor, month: string): Promise<Set<number>> {
  const rows = await trx.selectFrom('invoices').select('contract_id').where('kind', '=', 'invoice').where('month', '=', month).execute()
  return new Set(rows.map((row) => row.contract_id))
}

/** One invoice for the contract's month, or nothing when it has no usage. */
async function issueInvoice(trx: Executor, billable: Billable, input: CloseMonthInput): Promise<InvoiceRow | undefined> {
  const usage = await monthUsage(trx, billable.usageOf, input.month)
  if (usage.length === 0) return undefined
  // Per contract (the billed one, then each member) and service: a grouped
  // invoice shows what each member consumed.
  const lines = billable.usageOf.flatMap((contractId) =>
    serviceLines(usage.filter((row) => row.contractId === contractId)).map((line) => ({ contractId, service: line.service, amountExclCents: line.amountExclCents })))
  const totals = totalsOf(lines.map((line) => line.amountExclCents), VAT_RATE_BP)
  const issuedOn = parisDay(input.now)
  const { customer, refs } = await invoiceCustomer(trx, billable.id)
  const codes = await contractCodes(trx, billable.usageOf)
  const invoice = await trx.insertInto('invoices').values({
    number: await nextNumber(trx, 'invoice', issuedOn), kind: 'invoice', contract_id: billable.id, month: input.month,
    period_start: `${input.month}-01`, period_end: lastDayOfMonth(input.month), issued_on: issuedOn, due_on: addDays(issuedOn, PAYMENT_TERM_DAYS),
    total_excl_cents: totals.exclCents, vat_rate_bp: totals.vatRateBp, vat_cents: totals.vatCents, total_incl_cents: totals.inclCents,
    customer_json: JSON.stringify(customer), ref1: refs.ref1, ref2: refs.ref2, ref3: refs.ref3,
    corrects_invoice_id: null, reason: null, published_at: null, created_by: input.staffId, created_at: input.now.toISOString(),
  }).returningAll().executeTakeFirstOrThrow()
  const grouped = billable.usageOf.length > 1
  await trx.insertInto('invoice_lines').values(lines.map((line, index) => ({
    invoice_id: invoice.id, position: index + 1, contract_id: line.contractId, service: line.service,
    description: grouped ? `${codes.get(line.contractId)} · ${line.service}` : line.service, amount_excl_cents: line.amountExclCents,
  }))).execute()
  return invoice
}

async function contractCodes(trx: Executor, ids: number[]): Promise<Map<number, string>> {
  const rows = await trx.selectFrom('contracts').select(['id', 'code']).where('id', 'in', ids).execute()
  return new Map(rows.map((row) => [row.id, row.code]))
}

export { creditableCents, CreditRefused, issueCreditNote } from './invoicing-credit-notes.js'
export { publishInvoice } from './invoicing-publish.js'
export { recordPayment } from './invoicing-payments.js'
