// What an invoice says about its customer, frozen when it is issued: later
// edits of the company or the contract don't rewrite a sent document. Also
// the calendar arithmetic of an invoice's period and due date.
import type { Executor } from '../../db/database.js'

/** The content of invoices.customer_json. */
export interface InvoiceCustomer {
  companyName: string
  address: string | null
  postalCode: string | null
  city: string | null
  country: string
  vatNumber: string | null
  contractCode: string
  contractName: string
}

export interface InvoiceRefs {
  ref1: string | null
  ref2: string | null
  ref3: string | null
}

export async function invoiceCustomer(trx: Executor, contractId: number): Promise<{ customer: InvoiceCustomer; refs: InvoiceRefs }> {
  const row = await trx.selectFrom('contracts').innerJoin('companies', 'companies.id', 'contracts.company_id')
    .select(['companies.name as company_name', 'companies.address', 'companies.postal_code', 'companies.city', 'companies.country', 'companies.vat_number',
      'contracts.code', 'contracts.name', 'contracts.ref1', 'contracts.ref2', 'contracts.ref3'])
    .where('contracts.id', '=', contractId).executeTakeFirstOrThrow()
  return {
    customer: { companyName: row.company_name, address: row.address, postalCode: row.postal_code, city: row.city, country: row.country,
      vatNumber: row.vat_number, contractCode: row.code, contractName: row.name },
    refs: { ref1: row.ref1, ref2: row.ref2, ref3: row.ref3 },
  }
}

/** The last day of a YYYY-MM month. */
export function lastDayOfMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(year, number, 0)).toISOString().slice(0, 10)
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}
