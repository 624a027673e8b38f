// The budget alert job: one email and one notification per contract, month
// and threshold (the contract's, then 100 %) to its billing managers and
// referent, whatever the number of runs or instances. The clock is injected;
// usage is recorded in a month of its own (March 2030), away from the demo's.
import t, { type Test } from 'tap'
import { buildTestApp, freshDatabase } from '../helpers/app.js'
import { loginAs, seedPersonas } from '../helpers/personas.js'
import { testConfig } from '../../src/config.js'
import type { DB } from '../../src/db/database.js'
import { recordUsage } from '../../src/features/usage/usage.writes.js'
import { budgetAlertsJob } from '../../src/jobs/budget-alerts.js'
import { runScheduledJob, SCHEDULED_JOBS } from '../../src/jobs/scheduled.js'

const config = testConfig({ publicUrl: 'https://portal.example' })
const MARCH_5 = new Date('2030-03-05T12:00:00Z')

async function setup(t: Test) {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  return db
}

async function contractId(db: DB, code: string) {
  return (await db.selectFrom('contracts').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id
}

/** Records `micro` micro-euros of usage on the contract that day (1 unit at that price). */
async function consume(db: DB, code: string, day: string, micro: number) {
  const id = await contractId(db, code)
  await db.transaction().execute((trx) => recordUsage(trx, [{
    contractId: id, day, service: 'Elastic Cloud Server', resource: 'ecs-01', metric: 'vCPU-hours', unit: 'vCPU-h', quantityMilli: 1000, unitPriceMicro: micro,
  }]))
}

const run = (db: DB, now: Date) => budgetAlertsJob.run({ db, config }, now)

async function alertEmails(db: DB) {
  return db.selectFrom('outbox').select(['to_address', 'locale', 'subject', 'text_body']).where('template', '=', 'budget_threshold').orderBy('id').execute()
}

async function alertNotifications(db: DB) {
  return db.selectFrom('notifications').innerJoin('users', 'users.id', 'notifications.user_id')
    .select(['users.login', 'notifications.params', 'notifications.link']).where('kind', '=', 'budget_threshold').orderBy('notifications.id').execute()
}

// OCB0000302 (Rivage Virtual Desktops): 9 000 € budget, threshold 80 %, so 7 200 € exactly;
// referent helene.fabre (also a billing manager), billing manager ines.garnier, both French.
const AT_THRESHOLD = 7_200 * 1_000_000

t.test('the job is scheduled every 15 minutes', async (t) => {
  t.ok(SCHEDULED_JOBS.includes(budgetAlertsJob))
  t.equal(budgetAlertsJob.everyMs, 15 * 60_000)
})

t.test('consumption exactly at the threshold sends one email and one notification to each billing manager and the referent', async (t) => {
  const db = await setup(t)
  await consume(db, 'OCB0000302', '2030-03-04', AT_THRESHOLD)
  t.same(await run(db, MARCH_5), { alerts: 1, recipients: 2 })
  const emails = await alertEmails(db)
  t.same(emails.map((email) => email.to_address).sort(), ['helene.fabre@rivage.example', 'ines.garnier@rivage.example'].sort(), 'the referent, a billing manager too, once')
  t.match(emails[0], { locale: 'fr', subject: 'Alerte budget : Rivage Virtual Desktops (OCB0000302) a atteint 80 % de son budget' })
  t.match(emails[0]!.text_body, /7\s200,00\s€/, 'the amount in the reader’s locale')
  t.match(emails[0]!.text_body, /9\s000,00\s€/, 'the budget in the reader’s locale')
  t.match(emails[0]!.text_body, 'https://portal.example/contracts/OCB0000302')
  const notifications = await alertNotifications(db)
  t.same(notifications.map((n) => n.login).sort(), ['helene.fabre', 'ines.garnier'])
  t.same(JSON.parse(notifications[0]!.params ?? '{}'), { name: 'Rivage Virtual Desktops', code: 'OCB0000302', threshold: 80, percent: 80 })
  t.equal(notifications[0]!.link, '/contracts/OCB0000302')
  t.same(await db.selectFrom('budget_alerts').select(['month', 'threshold_percent', 'consumed_micro', 'budget_cents']).execute(),
    [{ month: '2030-03', threshold_percent: 80, consumed_micro: AT_THRESHOLD, budget_cents: 900_000 }])
})

t.test('a micro-euro below the threshold sends nothing', async (t) => {
  const db = await setup(t)
  await consume(db, 'OCB0000302', '2030-03-04', AT_THRESHOLD - 1)
  t.same(await run(db, MARCH_5), { alerts: 0, recipients: 0 })
  t.same(await alertEmails(db), [])
  t.same(await db.selectFrom('budget_alerts').selectAll().execute(), [])
})

t.test('a second run, or two instances at once, send nothing more', async (t) => {
  const db = await setup(t)
  await consume(db, 'OCB0000302', '2030-03-04', AT_THRESHOLD + 5_000_000)
  await Promise.all([run(db, MARCH_5), run(db, MARCH_5)])
  t.same(await run(db, new Date('2030-03-05T12:15:00Z')), { alerts: 0, recipients: 0 })
  t.equal((await alertEmails(db)).length, 2)
  t.equal((await alertNotifications(db)).length, 2)
})

t.test('reaching 100 % later the same month sends a second alert', async (t) => {
  const db = await setup(t)
  await consume(db, 'OCB0000302', '2030-03-04', AT_THRESHOLD)
  await run(db, MARCH_5)
  await consume(db, 'OCB0000302', '2030-03-20', 1_800 * 1_000_000)
  t.same(await run(db, new Date('2030-03-20T18:00:00Z')), { alerts: 1, recipients: 2 })
  const emails = await alertEmails(db)
  t.equal(emails.length, 4)
  t.match(emails[3]!.subject, 'Budget atteint : Rivage Virtual Desktops (OCB0000302)')
  t.same((await db.selectFrom('budget_alerts').select('threshold_percent').orderBy('threshold_percent').execute()).map((r) => r.threshold_percent), [80, 100])
})

t.test('jumping past the threshold and 100 % in one run sends one alert, about 100 %', async (t) => {
  const db = await setup(t)
  await consume(db, 'OCB0000302', '2030-03-04', 10_000 * 1_000_000)
  await run(db, MARCH_5)
  const emails = await alertEmails(db)
  t.equal(emails.length, 2)
  t.match(emails[0]!.subject, 'Budget atteint')
  t.equal((await db.selectFrom('budget_alerts').selectAll().execute()).length, 2, 'both thresholds recorded: the 80 % one won’t come later')
})

t.test('a new month starts fresh', async (t) => {
  const db = await setup(t)
  await consume(db, 'OCB0000302', '2030-03-04', AT_THRESHOLD)
  await run(db, MARCH_5)
  t.same(await run(db, new Date('2030-04-01T00:10:00Z')), { alerts: 0, recipients: 0 }, 'March’s usage doesn’t count in April')
  await consume(db, 'OCB0000302', '2030-04-02', AT_THRESHOLD)
  t.same(await run(db, new Date('2030-04-02T08:00:00Z')), { alerts: 1, recipients: 2 })
  t.same((await db.selectFrom('budget_alerts').select('month').orderBy('month').execute()).map((r) => r.month), ['2030-03', '2030-04'])
})

t.test('a contract without a budget gets no alert, whatever it consumes', async (t) => {
  const db = await setup(t)
  await db.updateTable('contracts').set({ budget_cents: null, budget_threshold_percent: null }).where('code', '=', 'OCB0000302').execute()
  await consume(db, 'OCB0000302', '2030-03-04', 1_000_000 * 1_000_000)
  await consume(db, 'OCB0000202', '2030-03-04', 1_000_000 * 1_000_000)
  t.same(await run(db, MARCH_5), { alerts: 0, recipients: 0 })
  t.same(await alertEmails(db), [])
  t.same(await alertNotifications(db), [])
})

t.test('an English reader gets the alert in English, amounts written the English way', async (t) => {
  const db = await setup(t)
  // OCB0000201 (Lumière Web): 3 000 € budget, threshold 80 %; referent emma.leroy (English).
  await consume(db, 'OCB0000201', '2030-03-04', 2_500 * 1_000_000)
  await run(db, MARCH_5)
  const [email] = await alertEmails(db)
  t.match(email, { to_address: 'emma.leroy@lumiere.example', locale: 'en', subject: 'Budget alert: Lumière Web (OCB0000201) reached 80% of its budget' })
  t.match(email!.text_body, '€2,500.00')
  t.match(email!.text_body, '83%')
})

t.test('a recipient who turned budget emails off still gets the notification', async (t) => {
  const db = await setup(t)
  const emma = await db.selectFrom('users').select('id').where('login', '=', 'emma.leroy').executeTakeFirstOrThrow()
  await db.insertInto('notification_preferences').values({ user_id: emma.id, kind: 'budget_threshold', channel: 'email', enabled: 0 }).execute()
  await consume(db, 'OCB0000201', '2030-03-04', 2_500 * 1_000_000)
  await run(db, MARCH_5)
  t.same(await alertEmails(db), [])
  t.same((await alertNotifications(db)).map((n) => n.login), ['emma.leroy'])
})

t.test('through the scheduler, with its lease, the job sends the same alerts once', async (t) => {
  const db = await setup(t)
  await consume(db, 'OCB0000302', '2030-03-04', AT_THRESHOLD)
  t.same(await runScheduledJob(budgetAlertsJob, { db, config }, 'instance-a', MARCH_5), { alerts: 1, recipients: 2 })
  t.equal(await runScheduledJob(budgetAlertsJob, { db, config }, 'instance-b', MARCH_5), undefined, "left to instance-a, which holds the period's lease")
  t.same(await run(db, MARCH_5), { alerts: 0, recipients: 0 }, 'run again anyway, it changes nothing twice')
})

t.test('with the demo data, nothing is due at first start; a threshold set just below the consumption sends an alert', async (t) => {
  const db = await setup(t)
  const now = new Date()
  t.same(await run(db, now), { alerts: 0, recipients: 0 }, 'every demo contract is below its threshold')
  const app = await buildTestApp(t, { db })
  const helene = await loginAs(app, 'helene.fabre')
  await helene.get('/contracts/OCB0000302/budget')
  t.equal((await helene.post('/contracts/OCB0000302/budget', { budget: '9 000', threshold: '75' })).statusCode, 303)
  t.same(await run(db, now), { alerts: 1, recipients: 2 }, 'OCB0000302 stands at 76 % of its budget')
  t.match((await alertEmails(db))[0]!.subject, 'a atteint 75 % de son budget')
})
