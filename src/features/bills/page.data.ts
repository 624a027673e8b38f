// Everything the bills page shows for one contract, gathered in one place so
// the GET and a refused administrative-contact form render the same page.
// A billing visitor's page gets no invoices at all; the month's amounts are
// there for the quantities' sake and the template shows them only to
// billing managers (`it.can('billing', 'manager')`).
import type { Executor } from '../../db/database.js'
import type { Contract } from '../../db/contracts.table.js'
import { can, contractsPassing, type Rights } from '../../policy/index.js'
import { utcMonth } from '../usage/usage.queries.js'
import {
  contractById, countPublishedInvoices, groupMembers, HISTORY_PAGE_SIZE, lastPublishedInvoice, publishedInvoices,
  type ContractRef, type InvoiceSummary,
} from './bills.queries.js'
import { monthToDateOf, recentMonths, type MonthToDate } from './page.simulation.js'
import { INVOICE_RECEPTION } from './invoice-reception.js'
import { checkReportMonth } from './downloads.month.js'

/** How the contract is billed: on its own, inside a grouping, as the grouping, or not shown (Orange Business). */
export type BillingSituation = 'standard' | 'member' | 'grouping' | 'orange_business'

export interface Invoices {
  last: InvoiceSummary | undefined
  history: InvoiceSummary[]
  page: number
  pages: number
}

export interface BillsPage {
  contract: Contract
  contracts: Awaited<ReturnType<typeof contractsPassing>>
  situation: BillingSituation
  /** The grouping contract of a member, and whether the user may open its bills. */
  grouping?: ContractRef & { visible: boolean }
  monthToDate?: MonthToDate
  /** Usage report months, the current one first. */
  months: string[]
  /** Billing managers only. */
  invoices?: Invoices
  reception: typeof INVOICE_RECEPTION
}

export function situationOf(contract: Contract): BillingSituation {
  if (contract.offer === 'orange_business') return 'orange_business'
  if (contract.offer === 'multi_services') return 'grouping'
  return contract.grouping_contract_id === null ? 'standard' : 'member'
}

/** `page` from the query string: a whole number from 1, anything else is the first page. */
export function pageNumber(raw: unknown): number {
  return typeof raw === 'string' && /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : 1
}

export async function billsPage(db: Executor, rights: Rights, options: { page: number; now: Date }): Promise<BillsPage> {
  const { contract, userId } = rights
  const contracts = await contractsPassing(db, userId, { section: 'billing', level: 'visitor' })
  const situation = situationOf(contract)
  const base = { contract, contracts, situation, months: recentMonths(options.now).filter((month) => checkReportMonth(month, options.now, contract.start_date).ok), reception: INVOICE_RECEPTION }
  if (situation === 'orange_business') return { ...base, months: [] }
  const billed = situation === 'grouping' ? await groupMembers(db, contract.id) : [{ id: contract.id, code: contract.code, name: contract.name }]
  const monthToDate = await monthToDateOf(db, billed, utcMonth(options.now))
  const grouping = situation === 'member' ? await groupingOf(db, contract.grouping_contract_id!, contracts) : undefined
  const invoices = can(rights, 'billing', 'manager') ? await invoicesOf(db, contract.id, options.page) : undefined
  return { ...base, monthToDate, grouping, invoices }
}

async function groupingOf(db: Executor, groupingId: number, visible: Array<{ id: number }>) {
  const grouping = await contractById(db, groupingId)
  return grouping ? { ...grouping, visible: visible.some((contract) => contract.id === groupingId) } : undefined
}

/** The last invoice and one page of the history; a page past the end shows the last one. */
async function invoicesOf(db: Executor, contractId: number, requested: number): Promise<Invoices> {
  const count = await countPublishedInvoices(db, contractId)
  const pages = Math.max(1, Math.ceil(count / HISTORY_PAGE_SIZE))
  const page = Math.min(requested, pages)
  const [last, history] = await Promise.all([lastPublishedInvoice(db, contractId), publishedInvoices(db, contractId, page)])
  return { last, history, page, pages }
}
