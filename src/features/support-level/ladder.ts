// The support levels each offer sells, lowest first (PRODUCT.md, "Support
// levels"), what each Cloud Avenue level includes (spec 002), and the rule
// deciding what a requested level turns into. Pure: the route writes.
import type { Offer } from '../../db/contracts.table.js'
import { commitmentEnd, firstOfNextMonth, parisDay } from '../../lib/paris-calendar.js'

export type LadderKind = 'fe' | 'cloud_avenue'

const FE_LEVELS = ['basic', 'standard', 'business', 'premium'] as const
const CLOUD_AVENUE_LEVELS = ['standard', 'bronze', 'silver', 'gold'] as const

/** Flexible Engine: a change re-commits this many months. */
export const FE_COMMITMENT_MONTHS = 6

export interface Ladder {
  kind: LadderKind
  levels: readonly string[]
}

/** The offer's ladder; undefined for offers whose support level is not chosen here. */
export function ladderOf(offer: Offer): Ladder | undefined {
  if (offer === 'fe' || offer === 'fe_hds') return { kind: 'fe', levels: FE_LEVELS }
  if (offer === 'cloud_avenue') return { kind: 'cloud_avenue', levels: CLOUD_AVENUE_LEVELS }
  return undefined
}

/** Spec 002: what each Cloud Avenue level adds (the rest, 24×7 ticket
 * reception and business-hours customer service, is common to all). */
export const CLOUD_AVENUE_TABLE: Record<string, { expertise: string; p1Repair: string; experts: string }> = {
  standard: { expertise: 'none', p1Repair: 'none', experts: 'no' },
  bronze: { expertise: 'bronze', p1Repair: '8h', experts: 'first_3_months' },
  silver: { expertise: 'silver', p1Repair: '8h', experts: 'yes' },
  gold: { expertise: 'gold', p1Repair: '4h', experts: 'yes' },
}

export interface SupportState {
  offer: Offer
  level: string | null
  /** The commitment end in force: a pending change's, else the contract's. */
  commitmentEnd: string | null
  /** The level of a change not applied yet (FE: from the 1st of next month). */
  pendingLevel: string | null
}

export type SupportDecision =
  | { outcome: 'refused'; error: 'not_in_ladder' | 'same_level' | 'already_scheduled' | 'downgrade_in_commitment' }
  /** FE: the new level from the 1st of next month, committed six months from then. */
  | { outcome: 'scheduled'; effectiveOn: string; commitmentEnd: string }
  /** Cloud Avenue: the new level now, billed from the 1st of next month. */
  | { outcome: 'immediate'; billedFrom: string }
  /** A lower level goes through support: a change request (support-level.writes.ts). */
  | { outcome: 'request_to_support' }

export function inCommitment(state: SupportState, now: Date): boolean {
  return state.commitmentEnd !== null && state.commitmentEnd >= parisDay(now)
}

export function decideChange(state: SupportState, wanted: string, now: Date): SupportDecision {
  const ladder = ladderOf(state.offer)
  if (!ladder || !ladder.levels.includes(wanted)) return { outcome: 'refused', error: 'not_in_ladder' }
  if (wanted === state.pendingLevel) return { outcome: 'refused', error: 'already_scheduled' }
  // Compared with the level the contract will have once a pending change applies.
  const planned = state.pendingLevel ?? state.level
  if (wanted === planned) return { outcome: 'refused', error: 'same_level' }
  const upgrade = planned === null || ladder.levels.indexOf(wanted) > ladder.levels.indexOf(planned)
  if (!upgrade) {
    if (ladder.kind === 'fe' && inCommitment(state, now)) return { outcome: 'refused', error: 'downgrade_in_commitment' }
    return { outcome: 'request_to_support' }
  }
  if (ladder.kind === 'cloud_avenue') return { outcome: 'immediate', billedFrom: firstOfNextMonth(now) }
  const effectiveOn = firstOfNextMonth(now)
  return { outcome: 'scheduled', effectiveOn, commitmentEnd: commitmentEnd(effectiveOn, FE_COMMITMENT_MONTHS) }
}
