import type { Generated } from 'kysely'

/** A support level change that applies later (a Flexible Engine upgrade: the
 * 1st of next month), and its record once applied. */
export interface SupportLevelChangesTable {
  id: Generated<number>
  contract_id: number
  from_level: string | null
  to_level: string
  /** YYYY-MM-DD */
  effective_on: string
  /** The commitment end that comes with the change (FE: six months more). */
  commitment_end: string | null
  requested_by: number | null
  requested_at: string
  applied_at: string | null
  withdrawn_at: string | null
}
