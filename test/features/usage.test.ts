// Usage: priced lines and their daily roll-up, read back as month-to-date
// consumption (UTC calendar days and months).
import t, { type Test } from 'tap'
import { freshDatabase } from '../helpers/app.js'
import { createCompany, createContract } from '../helpers/factories.js'
import { amountMicro, recordUsage, type UsageLine } from '../../src/features/usage/usage.writes.js'
import { dailyConsumption, monthToDate } from '../../src/features/usage/usage.queries.js'
import { budgetSummaries } from '../../src/features/usage/budget-summary.js'
import type { DB } from '../../src/db/database.js'

async function setup(t: Test) {
  const db = await freshDatabase(t)
  const contract = await createContract(db, { companyId: await createCompany(db) })
  return { db, contractId: contract.id }
}

function line(contractId: number, day: string, fields: Partial<UsageLine> = {}): UsageLine {
  return {
    contractId, day, service: 'Elastic Cloud Server', resource: 'ecs-01', metric: 'vCPU-hours', unit: 'vCPU-h',
    quantityMilli: 1000, unitPriceMicro: 1_000_000, ...fields,
  }
}

async function record(db: DB, lines: UsageLine[]) {
  await db.transaction().execute((trx) => recordUsage(trx, lines))
}

t.test('a line costs quantity × unit price rounded to the micro-euro, half away from zero', async (t) => {
  t.equal(amountMicro(1500, 31_200), 46_800)
  t.equal(amountMicro(1, 500), 1, '0.5 micro-euro rounds up')
  t.equal(amountMicro(1, 499), 0)
  t.equal(amountMicro(-1, 500), -1, 'a credit rounds away from zero too')
  // 30 000 000.001 units at 3.000001 €: the product (9.0e16) is beyond 2^53, where a float would lose the last units.
  t.equal(amountMicro(30_000_000_001, 3_000_001), 90_000_030_003_000, 'beyond 2^53 the product is computed exactly')
})

t.test('a month of tiny amounts sums to the right cents: rounding happens once, on the total', async (t) => {
  const { db, contractId } = await setup(t)
  // 0.0004 € an hour, 24 one-hour lines a day for 30 days: 720 × 400 µ€ = 0.288 €.
  // Rounded per line to the cent, every line would be 0.00 €.
  const lines = Array.from({ length: 30 }, (_, day) => Array.from({ length: 24 }, (_, hour) =>
    line(contractId, `2026-04-${String(day + 1).padStart(2, '0')}`, { resource: `ecs-${hour}`, quantityMilli: 1000, unitPriceMicro: 400 }))).flat()
  await record(db, lines)
  const consumed = await monthToDate(db, [contractId], new Date('2026-04-30T23:59:59Z'))
  t.equal(consumed.get(contractId), 288_000, '0.288 € in micro-euros')
  const [summary] = await budgetSummaries(db, [{ id: contractId, budget_cents: 100, budget_threshold_percent: 80 }], new Date('2026-04-30T12:00:00Z'))
  t.equal(summary!.consumedCents, 29, 'shown as 0.29 €')
})

t.test('the daily roll-up stays in step with the priced lines, across several calls', async (t) => {
  const { db, contractId } = await setup(t)
  await record(db, [
    line(contractId, '2026-05-03', { quantityMilli: 2500, unitPriceMicro: 31_200 }),
    line(contractId, '2026-05-03', { resource: 'ecs-02', quantityMilli: 333, unitPriceMicro: 4_100 }),
    line(contractId, '2026-05-03', { service: 'Bandwidth', metric: 'GB out', unit: 'GB', quantityMilli: 12_345, unitPriceMicro: 70_000 }),
  ])
  await record(db, [line(contractId, '2026-05-03', { quantityMilli: 1000, unitPriceMicro: 31_200 }), line(contractId, '2026-05-04')])
  const records = await db.selectFrom('usage_records').select(['day', 'service', (eb) => eb.fn.sum<number>('amount_micro').as('amount')])
    .groupBy(['day', 'service']).orderBy('day').orderBy('service').execute()
  const daily = await db.selectFrom('usage_daily').select(['day', 'service', 'amount_micro as amount']).orderBy('day').orderBy('service').execute()
  t.same(daily.map((row) => ({ ...row, amount: Number(row.amount) })), records.map((row) => ({ ...row, amount: Number(row.amount) })))
  t.same(daily.map((row) => row.service), ['Bandwidth', 'Elastic Cloud Server', 'Elastic Cloud Server'], 'one roll-up row per day and service')
  t.equal(daily[1]!.amount, 78_000 + 1_365 + 31_200, 'the second call added to the existing row')
})

t.test('a failed write leaves neither lines nor roll-up', async (t) => {
  const { db, contractId } = await setup(t)
  await t.rejects(record(db, [line(contractId, '2026-05-03'), line(999_999, '2026-05-03')]))
  t.equal((await db.selectFrom('usage_records').selectAll().execute()).length, 0)
  t.equal((await db.selectFrom('usage_daily').selectAll().execute()).length, 0)
})

t.test('on the 1st of the month, month-to-date is that day only', async (t) => {
  const { db, contractId } = await setup(t)
  await record(db, [line(contractId, '2026-05-31'), line(contractId, '2026-06-01', { quantityMilli: 2000 })])
  t.equal((await monthToDate(db, [contractId], new Date('2026-06-01T00:00:00Z'))).get(contractId), 2_000_000)
})

t.test('on the last day of the month, month-to-date includes that day, and no day after now counts', async (t) => {
  const { db, contractId } = await setup(t)
  await record(db, [line(contractId, '2026-06-01'), line(contractId, '2026-06-30', { quantityMilli: 3000 }), line(contractId, '2026-07-01', { quantityMilli: 5000 })])
  t.equal((await monthToDate(db, [contractId], new Date('2026-06-30T23:59:59Z'))).get(contractId), 4_000_000)
  t.equal((await monthToDate(db, [contractId], new Date('2026-06-15T10:00:00Z'))).get(contractId), 1_000_000, 'mid-month: the 30th is not there yet')
})

t.test('from December to January month-to-date starts again, the year changing', async (t) => {
  const { db, contractId } = await setup(t)
  await record(db, [line(contractId, '2026-12-31', { quantityMilli: 7000 }), line(contractId, '2027-01-01')])
  t.equal((await monthToDate(db, [contractId], new Date('2026-12-31T23:00:00Z'))).get(contractId), 7_000_000)
  t.equal((await monthToDate(db, [contractId], new Date('2027-01-01T00:30:00Z'))).get(contractId), 1_000_000)
})

t.test('month-to-date is 0 for a contract without usage and counts only the contracts asked', async (t) => {
  const { db, contractId } = await setup(t)
  const other = await createContract(db, { companyId: await createCompany(db) })
  await record(db, [line(other.id, '2026-06-02')])
  const consumed = await monthToDate(db, [contractId], new Date('2026-06-10T00:00:00Z'))
  t.same([...consumed], [[contractId, 0]])
})

t.test('daily consumption lists the days of the month with usage, summed over services', async (t) => {
  const { db, contractId } = await setup(t)
  await record(db, [
    line(contractId, '2026-02-28'), line(contractId, '2026-02-28', { service: 'Bandwidth' }),
    line(contractId, '2026-02-03', { quantityMilli: 500 }), line(contractId, '2026-03-01'),
  ])
  t.same(await dailyConsumption(db, contractId, '2026-02'), [{ day: '2026-02-03', amountMicro: 500_000 }, { day: '2026-02-28', amountMicro: 2_000_000 }])
})

t.test('a budget summary has every day up to today, the percentage and the state, for all contracts in one call', async (t) => {
  const { db, contractId } = await setup(t)
  const other = await createContract(db, { companyId: await createCompany(db) })
  await record(db, [line(contractId, '2026-06-01', { quantityMilli: 80_000 }), line(contractId, '2026-06-03', { quantityMilli: 5_000 }), line(other.id, '2026-06-02', { quantityMilli: 10_000 })])
  const now = new Date('2026-06-03T09:00:00Z')
  const [first, second, third] = await budgetSummaries(db, [
    { id: contractId, budget_cents: 10_000, budget_threshold_percent: 80 },
    { id: other.id, budget_cents: 10_000, budget_threshold_percent: 80 },
    { id: other.id, budget_cents: null, budget_threshold_percent: null },
  ], now)
  t.same(first!.daily, [{ day: '2026-06-01', amountMicro: 80_000_000 }, { day: '2026-06-02', amountMicro: 0 }, { day: '2026-06-03', amountMicro: 5_000_000 }])
  t.match(first, { consumedMicro: 85_000_000, consumedCents: 8_500, percent: 85, state: 'over_threshold' })
  t.match(second, { percent: 10, state: 'ok' })
  t.match(third, { budgetCents: null, percent: null, state: 'no_budget', consumedCents: 1_000 })
  const [full] = await budgetSummaries(db, [{ id: contractId, budget_cents: 8_500, budget_threshold_percent: 80 }], now)
  t.equal(full!.state, 'over_budget', 'exactly 100 % is over budget')
})
