// The periodic jobs of the contracts features (budget alerts, cancellations
// and support-level changes falling due): each runs once per period across
// all instances, on whichever instance takes its lease first, and is
// idempotent, so a run that repeats or comes late changes nothing twice. A
// feature adds its job to SCHEDULED_JOBS (one line); server.ts starts them all.
import { hostname } from 'node:os'
import { randomUUID } from 'node:crypto'
import type { FastifyBaseLogger } from 'fastify'
import type { Config } from '../config.js'
import type { DB } from '../db/database.js'
import { releaseLease, releaseLeasesOf, tryTakeLease } from './leases.js'
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

/**
 * Runs `job` unless another holder has run it less than a period ago; returns
 * its summary, or undefined when it was left to that holder.
 *
 * The lease is the period: taken for `everyMs` and kept after a success, so
 * every instance ticking later in the same period finds it held (releasing it
 * after the run would let each instance run the job once per period). The
 * holder's own next tick renews it, so a live instance keeps its jobs; if it
 * dies, another takes them over when the lease expires. A failed run releases
 * the lease so that another instance (or the next tick) retries at once.
 */
export async function runScheduledJob(job: ScheduledJob, deps: { db: DB; config: Config }, holder: string, now = new Date()) {
  const lease = leaseOf(job)
  if (!(await tryTakeLease(deps.db, lease, holder, job.everyMs, now))) return undefined
  try {
    return (await job.run(deps, now)) ?? {}
  } catch (error) {
    await releaseLease(deps.db, lease, holder)
    throw error
  }
}

/** The name of the job's row in job_leases. */
export function leaseOf(job: Pick<ScheduledJob, 'name'>): string {
  return `job:${job.name}`
}

/**
 * Ticks each job at start and every `everyMs`; returns stop, which gives this
 * process's leases back so that a restarted or another instance runs the jobs
 * at its next tick instead of waiting for the leases to expire.
 */
export function startScheduledJobs(deps: { db: DB; config: Config; log: FastifyBaseLogger }, jobs = SCHEDULED_JOBS): () => Promise<void> {
  // Names this process in job_leases, so an operator sees which instance ran what.
  const holder = `${hostname()}:${process.pid}:${randomUUID()}`
  const timers = jobs.map((job) => {
    // A run longer than its period must not overlap with the next tick's,
    // which would renew this holder's own lease and run the job again.
    let running = false
    const tick = () => {
      if (running) return
      running = true
      runScheduledJob(job, deps, holder).then(
        (summary) => logTick(deps.log, job, summary),
        (error: unknown) => deps.log.error({ err: error, job: job.name }, 'job failed'),
      ).finally(() => (running = false))
    }
    tick()
    const timer = setInterval(tick, job.everyMs)
    timer.unref()
    return timer
  })
  return async () => {
    timers.forEach((timer) => clearInterval(timer))
    await releaseLeasesOf(deps.db, holder)
  }
}

// A run that changed something is news (info); a run with nothing due, or a
// tick that found the period's lease held elsewhere, only at debug level.
function logTick(log: FastifyBaseLogger, job: ScheduledJob, summary: Record<string, number> | undefined): void {
  if (summary === undefined) log.debug({ job: job.name }, 'job left to another instance')
  else if (Object.values(summary).some((n) => n > 0)) log.info({ job: job.name, ...summary }, 'job ran')
  else log.debug({ job: job.name, ...summary }, 'job ran')
}
