// The audit log: every change of rights and every security event, written in
// the same transaction as the change itself.
import type { Executor } from '../db/database.js'

export interface AuditInput {
  action: string
  actorUserId?: number | null
  contractId?: number | null
  targetUserId?: number | null
  details?: Record<string, unknown>
  ip?: string | null
}

export async function writeAudit(db: Executor, entry: AuditInput): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: new Date().toISOString(),
      action: entry.action,
      actor_user_id: entry.actorUserId ?? null,
      contract_id: entry.contractId ?? null,
      target_user_id: entry.targetUserId ?? null,
      details: entry.details ? JSON.stringify(entry.details) : null,
      ip: entry.ip ?? null,
    })
    .execute()
}
