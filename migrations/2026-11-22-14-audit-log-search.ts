// The back-office searches the whole audit log by actor, target user and
// action, newest first. Without these indexes each of those filters reads
// the log from end to end (and counting the matches always does): on a large
// log that is a full scan per page. Each index ends with `at` so that the
// filtered rows come out already in the page's order.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('audit_log_actor').on('audit_log').columns(['actor_user_id', 'at']).execute()
  await db.schema.createIndex('audit_log_target').on('audit_log').columns(['target_user_id', 'at']).execute()
  // Also what lists the distinct actions for the filter (a skip scan, see records/audit.queries.ts).
  await db.schema.createIndex('audit_log_action').on('audit_log').columns(['action', 'at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of ['audit_log_action', 'audit_log_target', 'audit_log_actor']) await db.schema.dropIndex(index).execute()
}
