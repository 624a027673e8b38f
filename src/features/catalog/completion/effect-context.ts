// What every effect receives and gives back: the order being completed with
// its contract and the staff member completing it; the state before and after,
// for the `order.effect_applied` audit row.
import type { Executor } from '../../../db/database.js'
import type { Contract } from '../../../db/contracts.table.js'
import type { Order } from '../../../db/orders.table.js'
import type { StaffRole } from '../../../policy/index.js'
import { OrderEffectRefused } from './effect-refused.js'

export interface CompletingActor {
  userId: number
  name: string
  ip: string
  /** Their back-office roles: some effects need an area beyond the request queue (effects.ts); absent: none beyond it. */
  roles?: readonly StaffRole[]
}

export interface EffectContext {
  trx: Executor
  order: Order
  contract: Contract
  /** The effect's input as the order form left it (orders.effect_json). */
  input: Record<string, unknown>
  actor: CompletingActor
  now: Date
}

export interface EffectOutcome {
  before: unknown
  after: unknown
}

export type Effect = (context: EffectContext) => Promise<EffectOutcome>

/** orders.effect_json as an object; anything else is an empty input (each effect refuses what it lacks). */
export function parseEffectInput(json: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(json)
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

/** A non-empty text of the input, trimmed; a missing or blank one refuses the completion. */
export function textInput(input: Record<string, unknown>, name: string): string {
  const value = input[name]
  if (typeof value !== 'string' || value.trim() === '') throw new OrderEffectRefused('completion.refused.bad_input')
  return value.trim()
}

/** A positive whole number of the input (a number or its digits). */
export function countInput(input: Record<string, unknown>, name: string): number {
  const value = typeof input[name] === 'string' && /^[0-9]{1,9}$/.test(input[name] as string) ? Number(input[name]) : input[name]
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) throw new OrderEffectRefused('completion.refused.bad_input')
  return value
}
