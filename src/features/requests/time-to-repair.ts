// The time to repair each support level promises, per incident priority: the
// "expected resolution" of a request and the staff queue's "overdue".
//
// Cloud Avenue's P1 figures are spec 002's table (Standard: none, Bronze and
// Silver 8 h, Gold 4 h). The other figures are the portal's service targets,
// documented in docs/decisions.md, and edited here only: a level's lower
// priorities get longer times, and Flexible Engine's Basic level (self-service
// documentation) promises none.
import type { Offer } from '../../db/contracts.table.js'
import type { Priority } from './request-types.js'

type Hours = Record<Priority, number | null>

const NONE: Hours = { P1: null, P2: null, P3: null, P4: null }

const CLOUD_AVENUE: Record<string, Hours> = {
  standard: NONE,
  bronze: { P1: 8, P2: 24, P3: 72, P4: 120 },
  silver: { P1: 8, P2: 16, P3: 48, P4: 96 },
  gold: { P1: 4, P2: 8, P3: 24, P4: 72 },
}

const FLEXIBLE_ENGINE: Record<string, Hours> = {
  basic: NONE,
  standard: { P1: 12, P2: 24, P3: 72, P4: 120 },
  business: { P1: 4, P2: 8, P3: 24, P4: 72 },
  premium: { P1: 1, P2: 4, P3: 12, P4: 48 },
}

function tableFor(offer: Offer): Record<string, Hours> | undefined {
  if (offer === 'cloud_avenue') return CLOUD_AVENUE
  if (offer === 'fe' || offer === 'fe_hds') return FLEXIBLE_ENGINE
  return undefined
}

/** Hours promised for an incident of this priority; null: no commitment. */
export function repairHours(offer: Offer, level: string | null, priority: Priority): number | null {
  const hours = level ? tableFor(offer)?.[level] : undefined
  return hours ? hours[priority] : null
}

/** Every priority's promise for the contract's level (the incident form and Need help show them). */
export function repairTable(offer: Offer, level: string | null): Hours {
  const hours = level ? tableFor(offer)?.[level] : undefined
  return hours ?? NONE
}

/** When an incident submitted at `submittedAt` is due; null without a commitment. */
export function dueAt(offer: Offer, level: string | null, priority: Priority, submittedAt: Date): string | null {
  const hours = repairHours(offer, level, priority)
  return hours === null ? null : new Date(submittedAt.getTime() + hours * 3_600_000).toISOString()
}
