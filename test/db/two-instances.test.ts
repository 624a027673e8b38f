// Two portal processes on one PostgreSQL database, as behind a load balancer
// (issue 11, item 4): what one instance writes the other honours — sessions,
// the scheduled jobs' leases, order tokens, the outbox. Real processes
// (`node --import tsx src/server.ts`), real HTTP, real SMTP.
import t from 'tap'
import { DEMO_PASSWORD } from '../../scripts/seed-demo.js'
import type { DB } from '../../src/db/database.js'
import { SCHEDULED_JOBS } from '../../src/jobs/scheduled.js'
import { queueEmail } from '../../src/mail/outbox.js'
import { HttpClient, startInstance, waitFor, type Instance, type LogLine } from '../helpers/instances.js'
import { freshMigratedPostgresDatabase, testPostgresUrl } from '../helpers/postgres.js'
import { startSmtpServer } from '../helpers/smtp.js'

// Runs only against a server named by TEST_POSTGRES_URL; skipped (with the reason) otherwise.
const skip = testPostgresUrl ? false : 'TEST_POSTGRES_URL is not set (e.g. postgres://postgres@127.0.0.1:55432/postgres)'

const FE = 'OCB0000301' // Flexible Engine: gabriel.roux is its services manager
const ALLIANCE = { regions: 'asia_pacific', contact_name: 'Gabriel Roux', contact_email: 'gabriel@rivage.example', contact_phone: '+33 6 11 22 33 44' }
const JOB_NAMES = SCHEDULED_JOBS.map((job) => job.name).sort()

const said = (lines: LogLine[], msg: string) => lines.filter((line) => line.msg === msg).map((line) => String(line.job)).sort()

t.test('two instances on one PostgreSQL database', { skip, timeout: 90_000 }, async (t) => {
  const { url: databaseUrl, db } = await freshMigratedPostgresDatabase(t)
  const smtp = await startSmtpServer(t)
  const shared = { DATABASE_URL: databaseUrl, SESSION_SECRET: 'two-instances-secret-of-at-least-32-chars', SMTP_URL: smtp.url, LOG_LEVEL: 'debug' }
  // A seeds the demo data and runs the jobs of its first tick; B starts only then, so its first tick comes after A's runs finished.
  const a = await startInstance(t, { ...shared, SEED_DEMO: 'true' })
  await a.waitForLogs((lines) => said(lines, 'job ran').length === JOB_NAMES.length)
  const b = await startInstance(t, { ...shared, SEED_DEMO: 'false' })
  await b.waitForLogs((lines) => said(lines, 'job ran').length + said(lines, 'job left to another instance').length === JOB_NAMES.length)

  await t.test('a job scheduled on both runs once in its period: the instance that ticks later finds the lease held and leaves the job', async (t) => {
    t.same(said(a.logs(), 'job ran'), JOB_NAMES, 'A ran each job')
    t.same(said(b.logs(), 'job ran'), [], 'B ran none')
    t.same(said(b.logs(), 'job left to another instance'), JOB_NAMES)
    const leases = await db.selectFrom('job_leases').selectAll().where('name', 'like', 'job:%').orderBy('name').execute()
    t.same(leases.map((lease) => lease.name), JOB_NAMES.map((name) => `job:${name}`))
    for (const lease of leases) {
      t.match(lease.holder, `:${a.pid}:`, `${lease.name} is held by A`)
      t.ok(lease.expires_at > new Date().toISOString(), `${lease.name} is held until the end of its period`)
    }
  })

  await t.test('a login through the form on A is a session B accepts; logging out on B ends it on A', async (t) => {
    const browser = new HttpClient()
    t.equal((await browser.get(`${a.url}/login`)).status, 200)
    const login = await browser.post(`${a.url}/login`, { login: 'gabriel.roux', password: DEMO_PASSWORD })
    t.equal(login.status, 303, 'signed in on A')
    t.ok(browser.cookie('ccs_session'))
    const onB = await browser.get(`${b.url}/`)
    t.equal(onB.status, 200, 'B serves the signed-in page')
    t.match(onB.body, 'Gabriel Roux')
    t.equal((await browser.get(`${a.url}/`)).status, 200, 'A too')
    t.equal((await browser.post(`${b.url}/logout`, {})).status, 303, 'logged out on B (with the CSRF token of B’s page)')
    const afterwards = await browser.get(`${a.url}/`)
    t.equal(afterwards.status, 302)
    t.match(afterwards.location, /^\/login/, 'A sends to the login page')
  })

  await t.test('the same order token posted to both instances at once makes one order; every answer points to it', async (t) => {
    const gabriel = await signIn(a, 'gabriel.roux')
    const form = await gabriel.get(`${a.url}/catalog/cloud-alliance-regions/order?contract=${FE}`)
    t.equal(form.status, 200)
    const fields = { contract: FE, order_token: gabriel.field('order_token'), ...ALLIANCE }
    const posts = Array.from({ length: 8 }, (_, i) => gabriel.post(`${(i % 2 === 0 ? a : b).url}/catalog/cloud-alliance-regions/order`, fields, false))
    const answers = await Promise.all(posts)
    t.same(answers.map((answer) => answer.status), answers.map(() => 303), 'every answer is a redirect')
    const places = new Set(answers.map((answer) => answer.location))
    t.equal(places.size, 1, 'to one place')
    t.match([...places][0], /^\/requests\/REQ-\d{6}$/)
    const orders = await db.selectFrom('orders').select(['request_id', 'order_token']).where('order_token', '=', fields.order_token).execute()
    t.equal(orders.length, 1, 'one orders row for the token')
    t.equal([...places][0], `/requests/REQ-${String(orders[0]!.request_id).padStart(6, '0')}`)
    t.equal(await count(db, 'orders'), 1, 'and no other order')
    t.equal((await db.selectFrom('audit_log').select('id').where('action', '=', 'order.placed').execute()).length, 1)
  })

  await t.test('the outbox: with both instances’ delivery jobs running, each queued email reaches the SMTP server once', async (t) => {
    const addresses = Array.from({ length: 20 }, (_, i) => `reader${i}@client.example`)
    for (const to of addresses) {
      await queueEmail(db, { to, locale: 'en', template: 'password_reset', data: { firstName: 'Reader', link: 'https://portal.example/password/reset/x', expiresInMinutes: 60 } })
    }
    const queued = await count(db, 'outbox')
    t.ok(queued >= 21, 'the 20 emails and the order confirmation')
    await waitFor(async () => (await pendingEmails(db)) === 0, 30_000, () => `${smtp.received.length} received`)
    await pastOneMoreDelivery()
    t.equal(smtp.received.length, queued, 'as many emails arrived as were queued, none twice')
    const perRecipient = countBy(smtp.received.flatMap((email) => email.recipients))
    t.same(addresses.filter((to) => perRecipient.get(to) !== 1), [], 'each reader got exactly one')
    t.same(await db.selectFrom('outbox').select('status').distinct().execute(), [{ status: 'sent' }])
    t.same(await db.selectFrom('outbox').select('attempts').distinct().execute(), [{ attempts: 1 }], 'each sent at its first attempt, by one instance')
  })

  await t.test('by the end, still no second run of any job on either instance', async (t) => {
    t.same(said(a.logs(), 'job ran'), JOB_NAMES)
    t.same(said(b.logs(), 'job ran'), [])
    t.same([...a.logs(), ...b.logs()].filter((line) => line.level >= 50).map((line) => line.msg), [], 'no error logged')
  })
})

async function signIn(instance: Instance, login: string): Promise<HttpClient> {
  const client = new HttpClient()
  await client.get(`${instance.url}/login`)
  const response = await client.post(`${instance.url}/login`, { login, password: DEMO_PASSWORD })
  if (response.status !== 303) throw new Error(`login as ${login} failed: ${response.status}`)
  return client
}

async function count(db: DB, table: 'orders' | 'outbox'): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

async function pendingEmails(db: DB): Promise<number> {
  const row = await db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '!=', 'sent').executeTakeFirstOrThrow()
  return Number(row.n)
}

// The delivery job ticks every 5 s on each instance: wait past one more tick
// of both, so that a second delivery of anything would have arrived.
function pastOneMoreDelivery(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 6_000))
}

function countBy(values: string[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  return counts
}
