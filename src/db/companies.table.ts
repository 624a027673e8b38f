import type { Generated, Insertable, Selectable } from 'kysely'

export interface CompaniesTable {
  id: Generated<number>
  name: string
  /** National registration number (SIREN in France). */
  registration_number: string | null
  address: string | null
  postal_code: string | null
  city: string | null
  country: string
  account_manager_name: string | null
  account_manager_email: string | null
  account_manager_phone: string | null
  /** Intra-community VAT number, printed on invoices. */
  vat_number: string | null
  /** 1: its users may order a new tenant from the catalog (spec 003, "create a tenant online"). */
  create_tenant_online: Generated<number>
  created_at: string
}

export type Company = Selectable<CompaniesTable>
export type NewCompany = Insertable<CompaniesTable>
