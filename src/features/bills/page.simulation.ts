// The bills page's figures for the month to date: the consumption per
// service and metric, and the simulation of what will be invoiced. The money
// goes through pricing.ts ONLY (monthUsage → serviceLines → totalsOf), like
// the simulation workbook and the invoices, so the three agree to the cent.
// A multi-services grouping contract is billed for its members: one block
// of service lines per member contract, one set of totals for all.
import type { Executor } from '../../db/database.js'
import { monthUsage, serviceLines, totalsOf, type ServiceLine, type Totals } from './pricing.js'
import type { ContractRef } from './bills.queries.js'

export interface ContractLines {
  contract: ContractRef
  lines: ServiceLine[]
}

export interface MonthToDate {
  month: string
  /** One block per billed contract (the members of a grouping, else the contract itself), in code order. */
  blocks: ContractLines[]
  totals: Totals
}

/** The month's usage and simulation of `contracts` (YYYY-MM `month`). */
export async function monthToDateOf(db: Executor, contracts: readonly ContractRef[], month: string): Promise<MonthToDate> {
  const usage = await monthUsage(db, contracts.map((contract) => contract.id), month)
  const blocks = contracts.map((contract) => ({ contract, lines: serviceLines(usage.filter((row) => row.contractId === contract.id)) }))
  const totals = totalsOf(blocks.flatMap((block) => block.lines.map((line) => line.amountExclCents)))
  return { month, blocks, totals }
}

/** YYYY-MM of the `count` months before `now`'s UTC month, and that month first. */
export function recentMonths(now: Date, count = 12): string[] {
  const year = now.getUTCFullYear()
  const month = now.getUTCMonth()
  return Array.from({ length: count + 1 }, (_, back) => {
    const date = new Date(Date.UTC(year, month - back, 1))
    return date.toISOString().slice(0, 7)
  })
}

/** "March 2026" / "mars 2026" for a YYYY-MM month. */
export function monthLabel(month: string, locale: 'en' | 'fr'): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`))
}
