import type { Generated, Insertable, Selectable } from 'kysely'

export const OFFERS = ['fe', 'fe_hds', 'fca', 'cloud_avenue', 'orange_business', 'multi_services'] as const
export type Offer = (typeof OFFERS)[number]

export const CONTRACT_STATUSES = ['active', 'suspended', 'closed'] as const
export type ContractStatus = (typeof CONTRACT_STATUSES)[number]

export interface ContractsTable {
  id: Generated<number>
  /** OCB + 7 digits, e.g. OCB0001234: the contract's public name in URLs. */
  code: string
  name: string
  company_id: number
  offer: Offer
  status: ContractStatus
  support_level: string | null
  /** ISO date (YYYY-MM-DD) until which the support level can only go up. */
  support_commitment_end: string | null
  referent_user_id: number | null
  domain_owner_user_id: number | null
  ref1: string | null
  ref2: string | null
  ref3: string | null
  budget_cents: number | null
  budget_threshold_percent: number | null
  /** The multi-services contract that groups this one's billing, if any. */
  grouping_contract_id: number | null
  /** 1: incidents and changes are visible to every user with the right, not only their author. */
  share_requests: Generated<number>
  /** 1: every user must have two-factor authentication on to open this contract. */
  require_totp: Generated<number>
  /** The administrative (billing) contact who receives the invoice emails; may have no portal account. */
  admin_contact_name: string | null
  admin_contact_email: string | null
  /** When the File and Applicative Backup service was activated: the Backup console role exists from then. */
  backup_enabled_at: string | null
  start_date: string | null
  created_at: string
  updated_at: string
}

export type Contract = Selectable<ContractsTable>
export type NewContract = Insertable<ContractsTable>
