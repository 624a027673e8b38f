// What saving an edit of the catalog does, whatever the record (a category, a
// service, a subscription offer): only the columns that differ are written and
// audited, before and after; a save that changes nothing writes nothing, not
// even an audit row. Runs inside the caller's transaction.
import { writeAudit } from '../../../audit/audit.js'
import type { Executor } from '../../../db/database.js'
import { changedFields } from '../companies/diff.js'
import type { Actor } from '../companies/params.js'

export interface Edit<Columns extends Record<string, unknown>> {
  action: string
  actor: Actor
  /** The record as saved, its columns as the form checked them. */
  saved: Columns
  columns: Columns
  /** What names the record in the audit row: its id, a service's code. */
  names: Record<string, unknown>
  write: (changed: Partial<Columns>) => Promise<void>
}

export async function saveEdit<Columns extends Record<string, unknown>>(trx: Executor, edit: Edit<Columns>): Promise<void> {
  const diff = changedFields(edit.saved, edit.columns)
  if (diff.changed.length === 0) return
  await edit.write(diff.after as Partial<Columns>)
  await writeAudit(trx, { action: edit.action, actorUserId: edit.actor.userId, ip: edit.actor.ip, details: { ...edit.names, before: diff.before, after: diff.after } })
}
