// Scheduled jobs run once per period across instances (src/jobs/scheduled.ts):
// the job's lease is held for its whole period, renewed by its holder, taken
// over when it expires, released when a run fails. On SQLite, and on
// PostgreSQL when TEST_POSTGRES_URL is set (freshDatabase picks it).
import t from 'tap'
import type { FastifyBaseLogger } from 'fastify'
import { freshDatabase } from '../helpers/app.js'
import { testConfig } from '../../src/config.js'
import type { DB } from '../../src/db/database.js'
import { leaseOf, runScheduledJob, startScheduledJobs, type ScheduledJob } from '../../src/jobs/scheduled.js'

const PERIOD_MS = 10 * 60_000
const T0 = new Date('2030-03-05T08:00:00Z')
const at = (ms: number) => new Date(T0.getTime() + ms)
const config = testConfig()

/** A job that counts its runs, and fails while `failing` is set. */
function countingJob(name = 'counting') {
  const runs: Date[] = []
  const job: ScheduledJob & { runs: Date[]; failing: boolean } = {
    name, everyMs: PERIOD_MS, runs, failing: false,
    async run(_deps, now) {
      runs.push(now)
      if (job.failing) throw new Error('the job failed')
      return { done: 1 }
    },
  }
  return job
}

const leaseRow = (db: DB, name: string) => db.selectFrom('job_leases').selectAll().where('name', '=', leaseOf({ name })).executeTakeFirst()

t.test('two instances ticking in the same period: the job runs once, the second is told it was left to the first', async (t) => {
  const db = await freshDatabase(t)
  const job = countingJob()
  t.same(await runScheduledJob(job, { db, config }, 'instance-a', T0), { done: 1 })
  t.equal(await runScheduledJob(job, { db, config }, 'instance-b', at(1_000)), undefined, 'a second later')
  t.equal(await runScheduledJob(job, { db, config }, 'instance-b', at(PERIOD_MS - 1)), undefined, 'at the end of the period')
  t.equal(job.runs.length, 1)
  t.same(await leaseRow(db, job.name), { name: 'job:counting', holder: 'instance-a', expires_at: at(PERIOD_MS).toISOString() }, 'held for the period, not released')
})

t.test('two instances ticking at the same instant: the job runs once', async (t) => {
  const db = await freshDatabase(t)
  const job = countingJob()
  const holders = ['a', 'b', 'c', 'd', 'e', 'f']
  const summaries = await Promise.all(holders.map((holder) => runScheduledJob(job, { db, config }, holder, T0)))
  t.equal(summaries.filter((summary) => summary !== undefined).length, 1)
  t.equal(job.runs.length, 1)
})

t.test('after the period the job runs again: another instance takes the expired lease over, the first one then leaves it', async (t) => {
  const db = await freshDatabase(t)
  const job = countingJob()
  await runScheduledJob(job, { db, config }, 'instance-a', T0)
  t.same(await runScheduledJob(job, { db, config }, 'instance-b', at(PERIOD_MS + 1)), { done: 1 })
  t.equal(await runScheduledJob(job, { db, config }, 'instance-a', at(PERIOD_MS + 2)), undefined)
  t.same(job.runs, [T0, at(PERIOD_MS + 1)])
  t.equal((await leaseRow(db, job.name))?.holder, 'instance-b')
})

t.test('the holder’s own next tick renews its lease, so a live instance keeps its jobs period after period', async (t) => {
  const db = await freshDatabase(t)
  const job = countingJob()
  await runScheduledJob(job, { db, config }, 'instance-a', T0)
  t.same(await runScheduledJob(job, { db, config }, 'instance-a', at(PERIOD_MS)), { done: 1 }, 'its tick, one period later')
  t.equal(await runScheduledJob(job, { db, config }, 'instance-b', at(PERIOD_MS + 1_000)), undefined, 'the renewed lease holds for the new period')
  t.equal(job.runs.length, 2)
})

t.test('a failed run releases the lease: another instance retries at once, in the same period', async (t) => {
  const db = await freshDatabase(t)
  const job = countingJob()
  job.failing = true
  await t.rejects(runScheduledJob(job, { db, config }, 'instance-a', T0), /the job failed/)
  t.equal(await leaseRow(db, job.name), undefined, 'released')
  job.failing = false
  t.same(await runScheduledJob(job, { db, config }, 'instance-b', at(1_000)), { done: 1 })
  t.equal(job.runs.length, 2)
})

t.test('each job has its own lease: holding one does not hold back another', async (t) => {
  const db = await freshDatabase(t)
  const first = countingJob('first')
  const second = countingJob('second')
  await runScheduledJob(first, { db, config }, 'instance-a', T0)
  t.same(await runScheduledJob(second, { db, config }, 'instance-b', at(1_000)), { done: 1 })
})

t.test('two schedulers started one after the other on one database: each job runs once in its period, the later one logs that it left it', async (t) => {
  const db = await freshDatabase(t)
  const jobs = [countingJob('one'), countingJob('two')]
  const first = recordingLog()
  const stopFirst = startScheduledJobs({ db, config, log: first.log }, jobs)
  t.teardown(stopFirst)
  await until(() => first.lines.filter((line) => line.msg === 'job ran').length === 2)
  const second = recordingLog()
  const stopSecond = startScheduledJobs({ db, config, log: second.log }, jobs)
  t.teardown(stopSecond)
  await until(() => second.lines.length === 2)
  t.same(jobs.map((job) => job.runs.length), [1, 1])
  t.same(second.lines.map((line) => [line.level, line.msg, line.job]).sort(), [
    ['debug', 'job left to another instance', 'one'],
    ['debug', 'job left to another instance', 'two'],
  ])
  t.same(first.lines.map((line) => [line.level, line.msg, line.job, line.done]).sort(), [['info', 'job ran', 'one', 1], ['info', 'job ran', 'two', 1]])
  const holders = new Set((await db.selectFrom('job_leases').select('holder').execute()).map((row) => row.holder))
  t.equal(holders.size, 1, 'both leases held by the first scheduler')
  t.match([...holders][0], new RegExp(`:${process.pid}:`), 'the holder names the process')
})

t.test('a stopped scheduler gives its leases back: the instance that replaces it runs the jobs at its first tick', async (t) => {
  const db = await freshDatabase(t)
  const jobs = [countingJob('one')]
  const before = recordingLog()
  const stopBefore = startScheduledJobs({ db, config, log: before.log }, jobs)
  await until(() => before.lines.some((line) => line.msg === 'job ran'))
  await stopBefore()
  t.same(await db.selectFrom('job_leases').select('name').execute(), [], 'no lease left behind')
  const after = recordingLog()
  const stopAfter = startScheduledJobs({ db, config, log: after.log }, jobs)
  await until(() => after.lines.length === 1)
  await stopAfter()
  t.same(jobs[0]!.runs.length, 2, 'run again at once, not a period later')
})

interface LogLine { level: string; msg: string; [field: string]: unknown }

/** A logger that keeps what the scheduler says. */
function recordingLog(): { log: FastifyBaseLogger; lines: LogLine[] } {
  const lines: LogLine[] = []
  const record = (level: string) => (fields: object, msg: string) => lines.push({ ...fields, level, msg })
  const log = { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') } as unknown as FastifyBaseLogger
  return { log, lines }
}

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
