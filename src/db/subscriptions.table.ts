import type { Generated, Selectable } from 'kysely'

export const SUBSCRIPTION_KINDS = ['reserved_ecs_standard', 'reserved_ecs_flexible', 'workspace'] as const
export type SubscriptionKind = (typeof SUBSCRIPTION_KINDS)[number]

/** Reserved instances and workspaces of an FE / FE HDS contract. */
export interface SubscriptionsTable {
  id: Generated<number>
  contract_id: number
  kind: SubscriptionKind
  region_code: string
  /** The template or flavour, e.g. s3.large.2 */
  flavour: string
  /** Instances subscribed now (a cancellation lowers it when it applies). */
  quantity: number
  commitment_months: number
  /** YYYY-MM-DD */
  starts_on: string
  commitment_end: string
  /** Per instance and month. */
  monthly_price_cents: number
  payment_method: Generated<'monthly' | 'upfront'>
  status: Generated<'active' | 'ended'>
  created_at: string
  updated_at: string
}

/** Instances to cancel on the first day of a month, until applied or withdrawn. */
export interface SubscriptionCancellationsTable {
  id: Generated<number>
  subscription_id: number
  quantity: number
  /** YYYY-MM-01 */
  effective_on: string
  requested_by: number | null
  requested_at: string
  withdrawn_at: string | null
  applied_at: string | null
}

export type Subscription = Selectable<SubscriptionsTable>
export type SubscriptionCancellation = Selectable<SubscriptionCancellationsTable>
