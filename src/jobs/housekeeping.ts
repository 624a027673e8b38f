// Periodic clean-up that any instance may run: deleting a dead row twice is harmless.
import type { FastifyBaseLogger } from 'fastify'
import type { DB } from '../db/database.js'
import { purgeOldRateCounters } from '../db/rate-limit-store.js'
import { purgeExpiredSessions } from '../db/session-store.js'

const EVERY_MS = 10 * 60_000

export function startHousekeeping(db: DB, log: FastifyBaseLogger): () => void {
  const run = () => {
    purgeExpiredSessions(db).then(
      (deleted) => deleted > 0 && log.info({ deleted }, 'expired sessions purged'),
      (error: unknown) => log.error({ err: error }, 'session purge failed'),
    )
    purgeOldRateCounters(db).then(
      (deleted) => deleted > 0 && log.info({ deleted }, 'old rate counters purged'),
      (error: unknown) => log.error({ err: error }, 'rate counter purge failed'),
    )
  }
  run()
  const timer = setInterval(run, EVERY_MS)
  timer.unref()
  return () => clearInterval(timer)
}
