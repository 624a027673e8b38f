// Three months of daily usage (the two previous months and this month up to
// today) for every demo contract on a platform, through recordUsage like a
// real import. Deterministic: the day-to-day variation comes from a hash of
// the contract and the day, and each month is scaled to a share of the
// contract's budget, so the figures look the same whatever day the demo
// starts. Rivage Virtual Desktops (OCB0000302, helene.fabre, threshold 80 %)
// stands at 76 % of its budget today: setting its threshold to 75 % or less
// makes the budget job send an alert. The others stay below their threshold.
import type { Executor } from '../src/db/database.js'
import { amountMicro, recordUsage, type UsageLine } from '../src/features/usage/usage.writes.js'

interface Meter {
  service: string
  resource: string
  metric: string
  unit: string
  /** Quantity per day before scaling, in the unit. */
  perDay: number
  unitPriceMicro: number
}

// A small web platform: scaled per contract and month to a share of its budget.
const METERS: Meter[] = [
  { service: 'Elastic Cloud Server', resource: 'ecs-web-01', metric: 'vCPU-hours', unit: 'vCPU-h', perDay: 96, unitPriceMicro: 31_200 },
  { service: 'Elastic Cloud Server', resource: 'ecs-web-01', metric: 'GB RAM-hours', unit: 'GB-h', perDay: 384, unitPriceMicro: 4_100 },
  { service: 'Elastic Volume Service', resource: 'evs-data-01', metric: 'GB-months', unit: 'GB-month', perDay: 500 / 30, unitPriceMicro: 120_000 },
  { service: 'Object Storage', resource: 'obs-backups', metric: 'GB-days', unit: 'GB-day', perDay: 2_000, unitPriceMicro: 800 },
  { service: 'Bandwidth', resource: 'eip-public-01', metric: 'GB out', unit: 'GB', perDay: 40, unitPriceMicro: 70_000 },
]

/** Contracts with usage and the share of their budget (seed-demo.ts) a full month consumes. */
const MONTH_SHARE: Record<string, number> = {
  OCB0000101: 0.68, OCB0000102: 0.62, OCB0000103: 0.7, OCB0000201: 0.66, OCB0000301: 0.64, OCB0000302: 0.7,
}
/** The contract at 76 % of its budget today, whatever the day. */
const HOT_CONTRACT = { code: 'OCB0000302', shareToDate: 0.76 }

export async function seedDemoUsage(trx: Executor, contractIds: Map<string, number>, now: Date): Promise<void> {
  const budgets = await budgetsOf(trx, contractIds)
  const lines: UsageLine[] = []
  for (const [code, monthShare] of Object.entries(MONTH_SHARE)) {
    const contractId = contractIds.get(code)
    const budgetCents = budgets.get(code)
    if (contractId === undefined || !budgetCents) continue
    for (const month of lastThreeMonths(now)) {
      const target = targetMicro(code, { budgetMicro: budgetCents * 10_000, monthShare }, month, now)
      lines.push(...scaledTo(target, monthLines(contractId, code, month.days)))
    }
  }
  await recordUsage(trx, lines)
}

interface MonthDays {
  days: string[]
  /** Days in the whole month (the current month is cut at today). */
  length: number
  current: boolean
}

function lastThreeMonths(now: Date): MonthDays[] {
  return [2, 1, 0].map((back) => {
    const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1))
    const length = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate()
    const count = back === 0 ? now.getUTCDate() : length
    const days = Array.from({ length: count }, (_, index) => new Date(first.getTime() + index * 86_400_000).toISOString().slice(0, 10))
    return { days, length, current: back === 0 }
  })
}

async function budgetsOf(trx: Executor, contractIds: Map<string, number>): Promise<Map<string, number | null>> {
  const rows = await trx.selectFrom('contracts').select(['code', 'budget_cents']).where('code', 'in', Object.keys(MONTH_SHARE)).execute()
  return new Map(rows.filter((row) => contractIds.has(row.code)).map((row) => [row.code, row.budget_cents]))
}

function targetMicro(code: string, plan: { budgetMicro: number; monthShare: number }, month: MonthDays, now: Date): number {
  const { budgetMicro } = plan
  if (!month.current) return budgetMicro * (plan.monthShare + 0.2 * (noise(code, month.days[0]!) - 0.5))
  if (code === HOT_CONTRACT.code) return budgetMicro * HOT_CONTRACT.shareToDate
  return budgetMicro * plan.monthShare * (now.getUTCDate() / month.length)
}

/** A month of lines before scaling: each meter's daily quantity ±15 %, compute and traffic lower at weekends. */
function monthLines(contractId: number, code: string, days: string[]): UsageLine[] {
  return days.flatMap((day) => METERS.map((meter) => ({
    contractId, day, service: meter.service, resource: meter.resource, metric: meter.metric, unit: meter.unit,
    quantityMilli: Math.round(meter.perDay * 1000 * weekly(meter, day) * (0.85 + 0.3 * noise(code + meter.metric, day))),
    unitPriceMicro: meter.unitPriceMicro,
  })))
}

// Servers are scaled down and traffic falls at weekends; storage stays.
function weekly(meter: Meter, day: string): number {
  const weekend = [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay())
  return weekend && (meter.service === 'Elastic Cloud Server' || meter.service === 'Bandwidth') ? 0.55 : 1
}

/** The same lines with their quantities scaled so that they cost about `target` micro-euros. */
function scaledTo(target: number, lines: UsageLine[]): UsageLine[] {
  const natural = lines.reduce((sum, line) => sum + amountMicro(line.quantityMilli, line.unitPriceMicro), 0)
  const factor = natural > 0 ? target / natural : 0
  return lines.map((line) => ({ ...line, quantityMilli: Math.round(line.quantityMilli * factor) }))
}

/** A number in [0, 1) from a string: FNV-1a, so the demo never changes between runs. */
function noise(key: string, day: string): number {
  let hash = 0x811c9dc5
  for (const char of `${key}|${day}`) {
    hash ^= char.charCodeAt(0)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash / 2 ** 32
}
