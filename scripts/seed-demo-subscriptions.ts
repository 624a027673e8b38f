// Reserved instances and workspaces of the demo FE and FE HDS contracts, with
// commitments that started some months before `now` (so that their end dates
// read as real ones), nothing scheduled for cancellation yet.
import type { Executor } from '../src/db/database.js'
import type { SubscriptionKind } from '../src/db/subscriptions.table.js'

interface DemoSubscription {
  contract: string
  kind: SubscriptionKind
  region: string
  flavour: string
  quantity: number
  months: number
  /** How many months before `now`'s month the commitment started. */
  startedMonthsAgo: number
  priceCents: number
  payment?: 'monthly' | 'upfront'
}

const DEMO_SUBSCRIPTIONS: DemoSubscription[] = [
  { contract: 'OCB0000101', kind: 'reserved_ecs_standard', region: 'eu-west-0', flavour: 's3.large.2', quantity: 4, months: 12, startedMonthsAgo: 5, priceCents: 4_560 },
  { contract: 'OCB0000101', kind: 'reserved_ecs_flexible', region: 'eu-west-0', flavour: 'c6.xlarge.4', quantity: 2, months: 12, startedMonthsAgo: 2, priceCents: 11_890 },
  { contract: 'OCB0000101', kind: 'workspace', region: 'eu-west-0', flavour: 'Workspace Office 2 vCPU 4 GB', quantity: 10, months: 12, startedMonthsAgo: 8, priceCents: 3_250 },
  { contract: 'OCB0000102', kind: 'reserved_ecs_standard', region: 'eu-west-0', flavour: 's6.xlarge.2', quantity: 6, months: 36, startedMonthsAgo: 14, priceCents: 7_420, payment: 'upfront' },
  { contract: 'OCB0000102', kind: 'reserved_ecs_flexible', region: 'eu-west-1', flavour: 'm6.2xlarge.8', quantity: 2, months: 12, startedMonthsAgo: 3, priceCents: 26_700 },
  { contract: 'OCB0000301', kind: 'reserved_ecs_standard', region: 'eu-west-0', flavour: 'c6.2xlarge.2', quantity: 8, months: 24, startedMonthsAgo: 10, priceCents: 15_380 },
  { contract: 'OCB0000301', kind: 'reserved_ecs_flexible', region: 'eu-west-0', flavour: 'm6.xlarge.8', quantity: 3, months: 12, startedMonthsAgo: 1, priceCents: 13_350 },
  { contract: 'OCB0000301', kind: 'workspace', region: 'eu-west-0', flavour: 'Workspace Developer 4 vCPU 8 GB', quantity: 25, months: 12, startedMonthsAgo: 6, priceCents: 5_490 },
]

export async function seedDemoSubscriptions(trx: Executor, contractIds: Map<string, number>, now: Date): Promise<void> {
  const rows = DEMO_SUBSCRIPTIONS.filter((s) => contractIds.has(s.contract)).map((s) => {
    const startsOn = firstOfMonth(now, -s.startedMonthsAgo)
    return {
      contract_id: contractIds.get(s.contract)!, kind: s.kind, region_code: s.region, flavour: s.flavour, quantity: s.quantity,
      commitment_months: s.months, starts_on: startsOn, commitment_end: lastDayBefore(firstOfMonth(now, s.months - s.startedMonthsAgo)),
      monthly_price_cents: s.priceCents, payment_method: s.payment ?? 'monthly', created_at: `${startsOn}T09:00:00.000Z`, updated_at: now.toISOString(),
    }
  })
  if (rows.length > 0) await trx.insertInto('subscriptions').values(rows).execute()
}

/** YYYY-MM-01 of the month `offset` months from `now`'s (UTC is close enough for demo dates). */
function firstOfMonth(now: Date, offset: number): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1)).toISOString().slice(0, 10)
}

function lastDayBefore(day: string): string {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() - 1)
  return date.toISOString().slice(0, 10)
}
