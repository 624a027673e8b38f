import type { Generated, Insertable, Selectable } from 'kysely'

export interface AuditLogTable {
  id: Generated<number>
  at: string
  actor_user_id: number | null
  action: string
  contract_id: number | null
  target_user_id: number | null
  /** JSON with what changed (before/after), never secrets. */
  details: string | null
  ip: string | null
}

export type AuditEntry = Selectable<AuditLogTable>
export type NewAuditEntry = Insertable<AuditLogTable>
