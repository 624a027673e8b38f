// What the dashboard and the contract page show of a budget: consumption this
// month against the monthly budget, its threshold and the days' amounts. The
// state uses the same whole-micro-euro comparison as the alert job, so the
// page and the email never disagree about a threshold being reached.
import type { Executor } from '../../db/database.js'
import { dailyOfMonthToDate, daysOfMonthToDate, type DayAmount } from './usage.queries.js'

export type BudgetState = 'no_budget' | 'ok' | 'over_threshold' | 'over_budget'

export interface BudgetSummary {
  contractId: number
  budgetCents: number | null
  thresholdPercent: number | null
  consumedMicro: number
  /** consumedMicro rounded to the cent, for fmt.money. */
  consumedCents: number
  /** Consumption as a percentage of the budget (may exceed 100), null without a budget. */
  percent: number | null
  /** Every day from the 1st up to today, 0 on days without usage. */
  daily: DayAmount[]
  state: BudgetState
}

export interface BudgetedContract {
  id: number
  budget_cents: number | null
  budget_threshold_percent: number | null
}

const MICRO_PER_CENT = 10_000

/** Micro-euros rounded to the cent (only for showing: sums stay in micro-euros). */
export function microToCents(micro: number): number {
  return Math.round(micro / MICRO_PER_CENT)
}

/** True when `consumedMicro` is at least `percent` % of the budget (exact integer arithmetic). */
export function reaches(consumedMicro: number, budgetCents: number, percent: number): boolean {
  return consumedMicro * 100 >= percent * budgetCents * MICRO_PER_CENT
}

export function budgetState(consumedMicro: number, budgetCents: number | null, thresholdPercent: number | null): BudgetState {
  if (budgetCents === null || budgetCents <= 0) return 'no_budget'
  if (reaches(consumedMicro, budgetCents, 100)) return 'over_budget'
  if (thresholdPercent !== null && reaches(consumedMicro, budgetCents, thresholdPercent)) return 'over_threshold'
  return 'ok'
}

/** The budget summary of each contract (in the order given), from one grouped query. */
export async function budgetSummaries(db: Executor, contracts: readonly BudgetedContract[], now: Date): Promise<BudgetSummary[]> {
  const dailyByContract = await dailyOfMonthToDate(db, contracts.map((contract) => contract.id), now)
  const days = daysOfMonthToDate(now)
  return contracts.map((contract) => {
    const amounts = new Map((dailyByContract.get(contract.id) ?? []).map((day) => [day.day, day.amountMicro]))
    const daily = days.map((day) => ({ day, amountMicro: amounts.get(day) ?? 0 }))
    const consumedMicro = daily.reduce((sum, day) => sum + day.amountMicro, 0)
    const budgetCents = contract.budget_cents && contract.budget_cents > 0 ? contract.budget_cents : null
    return {
      contractId: contract.id,
      budgetCents,
      thresholdPercent: budgetCents === null ? null : contract.budget_threshold_percent,
      consumedMicro,
      consumedCents: microToCents(consumedMicro),
      percent: budgetCents === null ? null : (consumedMicro / (budgetCents * MICRO_PER_CENT)) * 100,
      daily,
      state: budgetState(consumedMicro, budgetCents, contract.budget_threshold_percent),
    }
  })
}
