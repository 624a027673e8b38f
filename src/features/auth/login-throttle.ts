// A fixed-window counter in the database, for throttles that must hold across
// restarts and instances (attempts per login). One upsert, no read first, so
// two parallel attempts can't both see the old count.
import { sql } from 'kysely'
import type { Executor } from '../../db/database.js'

/** Counts one hit on `key`; false when the window's limit is passed. */
export async function hitRateCounter(db: Executor, key: string, limit: number, windowMs: number): Promise<boolean> {
  const now = new Date()
  const windowStart = now.toISOString()
  const cutoff = new Date(now.getTime() - windowMs).toISOString()
  const expired = sql<boolean>`rate_counters.window_start <= ${cutoff}`
  const row = await db
    .insertInto('rate_counters')
    .values({ key, window_start: windowStart, count: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        count: sql`case when ${expired} then 1 else rate_counters.count + 1 end`,
        window_start: sql`case when ${expired} then ${windowStart} else rate_counters.window_start end`,
      }))
    .returning('count')
    .executeTakeFirstOrThrow()
  return row.count <= limit
}
