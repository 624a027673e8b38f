// A lease names the one instance allowed to run a job until it expires, so two
// instances on the same database never run the same job at once. Taking it is
// a single statement (insert, or take over an expired or own lease), which is
// atomic on SQLite and PostgreSQL alike: no read-then-write race.
import type { DB } from '../db/database.js'

/** True when `holder` now holds the lease `name` until now + ttlMs (taken, taken over, or renewed). */
export async function tryTakeLease(db: DB, name: string, holder: string, ttlMs: number, now: Date = new Date()): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + ttlMs).toISOString()
  const row = await db
    .insertInto('job_leases')
    .values({ name, holder, expires_at: expiresAt })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet({ holder, expires_at: expiresAt })
        .where((eb) => eb.or([eb('job_leases.expires_at', '<', now.toISOString()), eb('job_leases.holder', '=', holder)])),
    )
    .returning('holder')
    .executeTakeFirst()
  return row !== undefined
}

/** Lets another instance run the job now rather than when the lease expires. Only the holder can release it. */
export async function releaseLease(db: DB, name: string, holder: string): Promise<void> {
  await db.deleteFrom('job_leases').where('name', '=', name).where('holder', '=', holder).execute()
}

/** Gives back every lease `holder` holds (an instance stopping). */
export async function releaseLeasesOf(db: DB, holder: string): Promise<void> {
  await db.deleteFrom('job_leases').where('holder', '=', holder).execute()
}
