// @fastify/rate-limit's counters in the rate_counters table instead of the
// process's memory. With the bundled in-memory store, N instances behind a
// balancer would each allow the per-IP limit: N × the attempts on /login,
// /login/2fa or the password forms. In the database, every instance counts
// the same hits.
//
// One upsert per hit (no read first), so parallel hits on any instances can't
// both see the old count: the same fixed window as the per-login throttle
// (src/features/auth/login-throttle.ts), on SQLite and PostgreSQL alike.
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit'
import { sql } from 'kysely'
import type { Executor } from './database.js'

/** Per-IP keys start with this, so they never meet the per-login `login:<login>` keys. */
export const PER_IP_KEY_PREFIX = 'ip:'

export interface WindowHit {
  /** Hits in the current window, this one included. */
  count: number
  /** When the current window started (ISO text). */
  windowStart: string
}

/**
 * Counts one hit on `key` in a fixed window of `windowMs`: a window that
 * started `windowMs` ago or more is over, and this hit starts a new one.
 */
export async function hitWindow(db: Executor, key: string, windowMs: number, now = new Date()): Promise<WindowHit> {
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
    .returning(['count', 'window_start'])
    .executeTakeFirstOrThrow()
  return { count: row.count, windowStart: row.window_start }
}

// Every window is an hour at most (the password-reset one): a day-old row counts nothing any more.
const KEEP_COUNTERS_MS = 24 * 60 * 60_000

/** Deletes counters whose window ended long ago (housekeeping); a deleted key simply starts a fresh window. */
export async function purgeOldRateCounters(db: Executor, now = new Date()): Promise<number> {
  const result = await db.deleteFrom('rate_counters').where('window_start', '<', new Date(now.getTime() - KEEP_COUNTERS_MS).toISOString()).executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** Milliseconds left in a window, within [0, windowMs] even if another instance's clock runs a little ahead. */
export function msLeftInWindow(windowStart: string, windowMs: number, now = new Date()): number {
  const left = Date.parse(windowStart) + windowMs - now.getTime()
  return Math.min(windowMs, Math.max(0, left))
}

/**
 * A hit past the limit is refused without writing: a flood of refused
 * requests then costs a read each, not a write each (on SQLite every write
 * waits for the one writer, and for the disk). Only hits within the limit
 * go through the atomic upsert, so the limit itself still holds exactly.
 */
async function countHit(db: Executor, key: string, windowMs: number, max: number, now: Date): Promise<WindowHit> {
  const current = await db.selectFrom('rate_counters').select(['count', 'window_start']).where('key', '=', key).executeTakeFirst()
  const inWindow = current !== undefined && msLeftInWindow(current.window_start, windowMs, now) > 0
  if (inWindow && current.count >= max) return { count: current.count + 1, windowStart: current.window_start }
  return hitWindow(db, key, windowMs, now)
}

/**
 * The `store` option of @fastify/rate-limit: a class (the plugin constructs it
 * itself, with its options only), so the database comes in through this closure.
 * The plugin asks `child()` for one store per rate-limited route; each counts
 * under its own method and URL pattern, so /login and /password/forgot never
 * share a counter.
 */
export function databaseRateLimitStore(db: Executor): FastifyRateLimitStoreCtor {
  class DatabaseRateLimitStore implements FastifyRateLimitStore {
    constructor(_options: unknown, private readonly route = '') {}

    incr(ip: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number, max: number): void {
      const now = new Date()
      countHit(db, `${PER_IP_KEY_PREFIX}${this.route}:${ip}`, timeWindow, max, now).then(
        (hit) => callback(null, { current: hit.count, ttl: msLeftInWindow(hit.windowStart, timeWindow, now) }),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      )
    }

    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      const options = routeOptions as unknown as ChildOptions
      // Both move the window on every refused hit; a fixed window can't, and
      // silently ignoring them would make a route looser than it says.
      if (options.continueExceeding || options.exponentialBackoff) {
        throw new Error('the database rate-limit store counts fixed windows: continueExceeding and exponentialBackoff are not supported')
      }
      const { method, url } = options.routeInfo
      return new DatabaseRateLimitStore(options, `${String(method)} ${url}`)
    }
  }
  return DatabaseRateLimitStore
}

// What the plugin really passes to child(): the merged options plus the route
// (its typings name a RouteOptions instead).
interface ChildOptions {
  continueExceeding?: boolean
  exponentialBackoff?: boolean
  routeInfo: { method: string | string[]; url: string }
}
