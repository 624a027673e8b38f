// Applies the Flexible Engine support-level upgrades falling due (the 1st of
// the month after the request): the contract gets the new level and its new
// commitment end. Idempotent: a change is applied by a conditional update, so
// a second run, or a run on another instance, changes nothing twice.
import type { DB } from '../db/database.js'
import { writeAudit } from '../audit/audit.js'
import { parisDay } from '../lib/paris-calendar.js'
import type { ScheduledJob } from './scheduled.js'

export const supportLevelChangesJob: ScheduledJob = {
  name: 'support-level-changes',
  everyMs: 10 * 60_000,
  run: ({ db }, now) => applyDueSupportLevelChanges(db, now),
}

export async function applyDueSupportLevelChanges(db: DB, now: Date): Promise<{ applied: number }> {
  const due = await db.selectFrom('support_level_changes').selectAll()
    .where('applied_at', 'is', null).where('withdrawn_at', 'is', null).where('effective_on', '<=', parisDay(now))
    .orderBy('id').execute()
  let applied = 0
  for (const change of due) {
    const done = await db.transaction().execute(async (trx) => {
      const claimed = await trx.updateTable('support_level_changes').set({ applied_at: now.toISOString() })
        .where('id', '=', change.id).where('applied_at', 'is', null).where('withdrawn_at', 'is', null).executeTakeFirst()
      if (Number(claimed.numUpdatedRows) === 0) return false
      await trx.updateTable('contracts')
        .set((eb) => ({ support_level: change.to_level, support_commitment_end: change.commitment_end ?? eb.ref('support_commitment_end'), updated_at: now.toISOString() }))
        .where('id', '=', change.contract_id).execute()
      await writeAudit(trx, {
        action: 'support_level.applied', contractId: change.contract_id,
        details: { from: change.from_level, to: change.to_level, commitment_end: change.commitment_end },
      })
      return true
    })
    if (done) applied += 1
  }
  return { applied }
}
