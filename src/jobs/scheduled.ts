// The periodic jobs of the contracts features (budget alerts, cancellations
// and support-level changes falling due): each runs every few minutes on
// whichever instance holds its lease, and is idempotent, so a run that
// repeats or comes late changes nothing twice. A feature adds its job to
// SCHEDULED_JOBS (one line); server.ts starts them all.
import { randomUUID } from 'node:crypto'
import type { FastifyBaseLogger } from 'fastify'
import type { Config } from '../config.js'
import type { DB } from '../db/database.js'
import { releaseLease, tryTakeLease } from './leases.js'
import { budgetAlertsJob } from './budget-alerts.js'
import { subscriptionCancellationsJob } from './subscription-cancellations.js'
import { supportLevelChangesJob } from './support-level-changes.js'

export interface ScheduledJob {
  name: string
  everyMs: number
  /** Does what is due at `now`; returns a summary for the log (or nothing). */
  run(deps: { db: DB; config: Config }, now: Date): Promise<Record<string, number> | void>
}

export const SCHEDULED_JOBS: ScheduledJob[] = [
  budgetAlertsJob,
  subscriptionCancellationsJob,
  supportLevelChangesJob,
]

const LEASE_MS = 5 * 60_000

/** Runs `job` once if this instance gets its lease. */
export async function runScheduledJob(job: ScheduledJob, deps: { db: DB; config: Config }, holder: string, now = new Date()) {
  if (!(await tryTakeLease(deps.db, `job:${job.name}`, holder, LEASE_MS, now))) return undefined
  try {
    return (await job.run(deps, now)) ?? {}
  } finally {
    await releaseLease(deps.db, `job:${job.name}`, holder)
  }
}

export function startScheduledJobs(deps: { db: DB; config: Config; log: FastifyBaseLogger }, jobs = SCHEDULED_JOBS): () => void {
  const holder = randomUUID()
  const timers = jobs.map((job) => {
    const tick = () => {
      runScheduledJob(job, deps, holder).then(
        (summary) => summary && Object.values(summary).some((n) => n > 0) && deps.log.info({ job: job.name, ...summary }, 'job ran'),
        (error: unknown) => deps.log.error({ err: error, job: job.name }, 'job failed'),
      )
    }
    tick()
    const timer = setInterval(tick, job.everyMs)
    timer.unref()
    return timer
  })
  return () => timers.forEach((timer) => clearInterval(timer))
}
