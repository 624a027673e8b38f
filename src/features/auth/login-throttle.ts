// A fixed-window counter in the database, for throttles that must hold across
// restarts and instances (attempts per login). One upsert, no read first, so
// two parallel attempts can't both see the old count.
import type { Executor } from '../../db/database.js'
import { hitWindow } from '../../db/rate-limit-store.js'

/** Counts one hit on `key`; false when the window's limit is passed. */
export async function hitRateCounter(db: Executor, key: string, limit: number, windowMs: number): Promise<boolean> {
  return (await hitWindow(db, key, windowMs)).count <= limit
}
