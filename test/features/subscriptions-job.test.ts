import t, { type Test } from 'tap'
import { buildTestApp, freshDatabase } from '../helpers/app.js'
import { loginAs, seedPersonas } from '../helpers/personas.js'
import { dayBefore, firstOfNextMonth, parisDay } from '../../src/lib/paris-calendar.js'
import { withdrawCancellation } from '../../src/features/subscriptions/subscriptions.writes.js'
import { subscriptionCancellationsJob } from '../../src/jobs/subscription-cancellations.js'
import { runScheduledJob, SCHEDULED_JOBS } from '../../src/jobs/scheduled.js'

const CANCEL_S3 = '/contracts/OCB0000101/subscriptions/1/cancel'

t.test('the effective date is the first day of the next month on the Paris calendar, across the year end too', async (t) => {
  t.equal(firstOfNextMonth(new Date('2026-05-15T10:00:00Z')), '2026-06-01')
  t.equal(firstOfNextMonth(new Date('2026-12-31T10:00:00Z')), '2027-01-01', '31 December: 1 January of the next year')
  t.equal(firstOfNextMonth(new Date('2026-12-31T22:59:00Z')), '2027-01-01', '23:59 on 31 December in Paris')
  t.equal(firstOfNextMonth(new Date('2026-12-31T23:30:00Z')), '2027-02-01', 'already 1 January in Paris: February')
  t.equal(firstOfNextMonth(new Date('2027-01-31T23:30:00Z')), '2027-03-01', 'already 1 February in Paris')
  t.equal(firstOfNextMonth(new Date('2026-06-30T22:30:00Z')), '2026-08-01', 'summer time: 00:30 on 1 July in Paris')
  t.equal(dayBefore('2027-01-01'), '2026-12-31')
  t.equal(dayBefore('2028-03-01'), '2028-02-29', 'leap year')
})

async function setup(t: Test) {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  const app = await buildTestApp(t, { db, config: { loginRateLimitPerIp: 1000, loginRateLimitPerLogin: 1000 } })
  const alice = await loginAs(app, 'alice.martin')
  return { db, app, alice }
}

/** 00:30 in Paris on a YYYY-MM-DD day (winter or summer time alike: 22:30 UTC the day before at the latest). */
const earlyOn = (day: string) => new Date(`${dayBefore(day)}T23:00:00Z`)

const subscription1 = (db: Awaited<ReturnType<typeof setup>>['db']) =>
  db.selectFrom('subscriptions').select(['quantity', 'status']).where('id', '=', 1).executeTakeFirstOrThrow()

t.test('the job applies a due cancellation once, on the 1st: fewer instances, applied, the referent and billing managers notified; never twice', async (t) => {
  const { db, app, alice } = await setup(t)
  await alice.get(CANCEL_S3)
  await alice.post(CANCEL_S3, { quantity: '3' })
  const effectiveOn = firstOfNextMonth(new Date())
  const deps = { db, config: app.config }
  t.same(await subscriptionCancellationsJob.run(deps, new Date(`${dayBefore(effectiveOn)}T20:00:00Z`)), { applied: 0 }, 'the evening before: not yet')
  t.same(await subscription1(db), { quantity: 4, status: 'active' })
  const firstDay = earlyOn(effectiveOn)
  t.equal(parisDay(firstDay), effectiveOn)
  t.same(await subscriptionCancellationsJob.run(deps, firstDay), { applied: 1 })
  t.same(await subscription1(db), { quantity: 1, status: 'active' })
  const row = await db.selectFrom('subscription_cancellations').select('applied_at').executeTakeFirstOrThrow()
  t.equal(row.applied_at, firstDay.toISOString())
  t.same(await subscriptionCancellationsJob.run(deps, new Date(firstDay.getTime() + 3_600_000)), { applied: 0 }, 'an hour later: nothing')
  t.same(await subscription1(db), { quantity: 1, status: 'active' }, 'still one instance')
  const told = await db.selectFrom('notifications').innerJoin('users', 'users.id', 'notifications.user_id')
    .select(['users.login', 'notifications.params']).where('kind', '=', 'subscription_cancellation_applied').orderBy('users.login').execute()
  t.same(told.map((n) => n.login), ['alice.martin', 'bruno.petit'])
  t.match(JSON.parse(told[0]!.params!), { count: 3, remaining: 1, flavour: 's3.large.2' })
  t.ok(await db.selectFrom('audit_log').select('id').where('action', '=', 'subscriptions.cancellation_applied').executeTakeFirst())
  const page = await alice.get('/contracts/OCB0000101/subscriptions')
  t.notMatch(page.body, '/withdraw"', 'nothing left to withdraw')
})

t.test('the job ends a subscription whose every instance is cancelled and leaves withdrawn cancellations alone', async (t) => {
  const { db, app, alice } = await setup(t)
  await alice.get(CANCEL_S3)
  await alice.post(CANCEL_S3, { quantity: '4' })
  await alice.get('/contracts/OCB0000101/subscriptions/2/cancel')
  await alice.post('/contracts/OCB0000101/subscriptions/2/cancel', { quantity: '1' })
  await alice.get('/contracts/OCB0000101/subscriptions')
  t.equal((await alice.post('/contracts/OCB0000101/subscriptions/cancellations/2/withdraw')).statusCode, 303)
  const summary = await runScheduledJob(subscriptionCancellationsJob, { db, config: app.config }, 'test', earlyOn(firstOfNextMonth(new Date())))
  t.same(summary, { applied: 1 })
  t.same(await subscription1(db), { quantity: 0, status: 'ended' })
  const flexible = await db.selectFrom('subscriptions').select(['quantity', 'status']).where('id', '=', 2).executeTakeFirstOrThrow()
  t.same(flexible, { quantity: 2, status: 'active' }, 'the withdrawn one changed nothing')
  const page = await alice.get('/contracts/OCB0000101/subscriptions?lang=en')
  t.match(page.body, 'Ended')
  t.notMatch(page.body, 'href="/contracts/OCB0000101/subscriptions/1/cancel"', 'nothing left to cancel')
})

t.test('a cancellation can no longer be withdrawn once its day has come', async (t) => {
  const { db, app, alice } = await setup(t)
  await alice.get(CANCEL_S3)
  await alice.post(CANCEL_S3, { quantity: '1' })
  const contract = await db.selectFrom('contracts').selectAll().where('code', '=', 'OCB0000101').executeTakeFirstOrThrow()
  const effectiveOn = firstOfNextMonth(new Date())
  const actor = { userId: contract.referent_user_id!, name: 'Alice Martin', ip: '127.0.0.1' }
  const late = await db.transaction().execute((trx) => withdrawCancellation(trx, contract, 1, actor, earlyOn(effectiveOn)))
  t.equal(late, undefined)
  t.equal((await db.selectFrom('subscription_cancellations').select('withdrawn_at').executeTakeFirstOrThrow()).withdrawn_at, null)
  t.ok(app)
})

t.test('the job is one of the scheduled jobs', async (t) => {
  t.ok(SCHEDULED_JOBS.includes(subscriptionCancellationsJob))
})
