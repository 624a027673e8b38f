// Reading a contract's subscriptions and the cancellations scheduled on them.
// Every lookup by id goes through the contract found by the guard, so an id
// of another contract's subscription is simply not found (404).
import type { Executor } from '../../db/database.js'

/** A cancellation asked for and not yet withdrawn nor applied. */
export interface PendingCancellation {
  id: number
  subscription_id: number
  quantity: number
  effective_on: string
}

export interface SubscriptionRow {
  id: number
  kind: 'reserved_ecs_standard' | 'reserved_ecs_flexible' | 'workspace'
  region_code: string
  /** The region's name (Paris…) when the platform knows it. */
  region_name: string | null
  flavour: string
  quantity: number
  commitment_months: number
  starts_on: string
  commitment_end: string
  monthly_price_cents: number
  payment_method: 'monthly' | 'upfront'
  status: 'active' | 'ended'
}

export interface SubscriptionWithCancellations extends SubscriptionRow {
  pending: PendingCancellation[]
  /** Instances still subscribed once the pending cancellations apply. */
  cancellable: number
}

const COLUMNS = [
  'subscriptions.id', 'subscriptions.kind', 'subscriptions.region_code', 'platform_regions.name as region_name', 'subscriptions.flavour',
  'subscriptions.quantity', 'subscriptions.commitment_months', 'subscriptions.starts_on', 'subscriptions.commitment_end',
  'subscriptions.monthly_price_cents', 'subscriptions.payment_method', 'subscriptions.status',
] as const

// Subscriptions are Flexible Engine services: their regions are that platform's.
function subscriptionsWithRegion(db: Executor) {
  return db.selectFrom('subscriptions')
    .leftJoin('platforms', (join) => join.on('platforms.code', '=', 'flexible_engine'))
    .leftJoin('platform_regions', (join) => join.onRef('platform_regions.platform_id', '=', 'platforms.id').onRef('platform_regions.code', '=', 'subscriptions.region_code'))
}

/** The contract's subscriptions, active first, each with its pending cancellations. */
export async function listSubscriptions(db: Executor, contractId: number): Promise<SubscriptionWithCancellations[]> {
  const rows = await subscriptionsWithRegion(db).select(COLUMNS)
    .where('subscriptions.contract_id', '=', contractId)
    .orderBy('subscriptions.status').orderBy('subscriptions.id')
    .execute()
  const pending = await pendingCancellationsOf(db, rows.map((row) => row.id))
  return rows.map((row) => withCancellations(row, pending.filter((c) => c.subscription_id === row.id)))
}

/** One subscription of the contract, or undefined (another contract's id included). */
export async function findSubscription(db: Executor, contractId: number, id: number): Promise<SubscriptionWithCancellations | undefined> {
  const row = await subscriptionsWithRegion(db).select(COLUMNS)
    .where('subscriptions.contract_id', '=', contractId).where('subscriptions.id', '=', id)
    .executeTakeFirst()
  return row ? withCancellations(row, await pendingCancellationsOf(db, [row.id])) : undefined
}

/** A pending cancellation of one of the contract's subscriptions, with what the notice names. */
export async function findPendingCancellation(db: Executor, contractId: number, id: number) {
  return db.selectFrom('subscription_cancellations')
    .innerJoin('subscriptions', 'subscriptions.id', 'subscription_cancellations.subscription_id')
    .select(['subscription_cancellations.id', 'subscription_cancellations.quantity', 'subscription_cancellations.effective_on',
      'subscriptions.id as subscription_id', 'subscriptions.flavour', 'subscriptions.kind'])
    .where('subscriptions.contract_id', '=', contractId).where('subscription_cancellations.id', '=', id)
    .where('subscription_cancellations.withdrawn_at', 'is', null).where('subscription_cancellations.applied_at', 'is', null)
    .executeTakeFirst()
}

/** Whether a cancellation of this id (in any state) belongs to the contract. */
export async function isCancellationOf(db: Executor, contractId: number, id: number): Promise<boolean> {
  const row = await db.selectFrom('subscription_cancellations')
    .innerJoin('subscriptions', 'subscriptions.id', 'subscription_cancellations.subscription_id')
    .select('subscription_cancellations.id')
    .where('subscriptions.contract_id', '=', contractId).where('subscription_cancellations.id', '=', id)
    .executeTakeFirst()
  return row !== undefined
}

async function pendingCancellationsOf(db: Executor, subscriptionIds: number[]): Promise<PendingCancellation[]> {
  if (subscriptionIds.length === 0) return []
  return db.selectFrom('subscription_cancellations')
    .select(['id', 'subscription_id', 'quantity', 'effective_on'])
    .where('subscription_id', 'in', subscriptionIds)
    .where('withdrawn_at', 'is', null).where('applied_at', 'is', null)
    .orderBy('effective_on').orderBy('id')
    .execute()
}

function withCancellations(row: SubscriptionRow, pending: PendingCancellation[]): SubscriptionWithCancellations {
  const scheduled = pending.reduce((sum, c) => sum + c.quantity, 0)
  const cancellable = row.status === 'active' ? Math.max(0, row.quantity - scheduled) : 0
  return { ...row, pending, cancellable }
}

/** Who hears of a cancellation: the contract's referent and its billing
 * managers (a cancellation changes the bill), each once. */
export async function cancellationRecipients(db: Executor, contract: { id: number; referent_user_id: number | null }) {
  const billingManagers = db.selectFrom('contract_roles').select('user_id')
    .where('contract_id', '=', contract.id).where('section', '=', 'billing').where('role', '=', 'manager')
  return db.selectFrom('users')
    .select(['id', 'email', 'first_name', 'locale'])
    .where((eb) => eb.or([eb('id', 'in', billingManagers), eb('id', '=', contract.referent_user_id ?? -1)]))
    .orderBy('id')
    .execute()
}
