// The per-IP limits (@fastify/rate-limit) count in the database, so several
// instances behind a balancer share them. Runs on SQLite, and on PostgreSQL
// when TEST_POSTGRES_URL is set (buildTestApp/freshDatabase pick it).
import type { FastifyInstance } from 'fastify'
import t, { type Test } from 'tap'
import type { DB } from '../../src/db/database.js'
import { databaseRateLimitStore, hitWindow, msLeftInWindow, PER_IP_KEY_PREFIX, purgeOldRateCounters } from '../../src/db/rate-limit-store.js'
import { buildTestApp, freshDatabase } from '../helpers/app.js'
import { Client } from '../helpers/client.js'
import { seedPersonas } from '../helpers/personas.js'

const LIMIT = 3
const WINDOW_S = 60 // the login routes' timeWindow

/** Two instances of the portal on one database, as behind a load balancer. */
async function twoInstances(t: Test): Promise<{ a: FastifyInstance; b: FastifyInstance; db: DB }> {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  const config = { loginRateLimitPerIp: LIMIT, loginRateLimitPerLogin: 1000 }
  const a = await buildTestApp(t, { db, config })
  const b = await buildTestApp(t, { db, config })
  return { a, b, db }
}

async function tryLogin(client: Client, login = 'nobody.here') {
  await client.get('/login')
  return client.post('/login', { login, password: 'Wrong#Pass1' })
}

/** Every per-IP window of the database started `ms` earlier, as if that time had passed. */
async function ageWindows(db: DB, ms: number): Promise<void> {
  const rows = await db.selectFrom('rate_counters').select(['key', 'window_start']).where('key', 'like', `${PER_IP_KEY_PREFIX}%`).execute()
  for (const row of rows) {
    const earlier = new Date(Date.parse(row.window_start) - ms).toISOString()
    await db.updateTable('rate_counters').set({ window_start: earlier }).where('key', '=', row.key).execute()
  }
}

t.test('two instances on one database share the per-IP limit on POST /login', async (t) => {
  const { a, b } = await twoInstances(t)
  const onA = new Client(a)
  const onB = new Client(b)
  for (let i = 1; i <= LIMIT; i++) {
    const response = await tryLogin(i % 2 ? onA : onB)
    t.not(response.statusCode, 429, `attempt ${i} of ${LIMIT} is answered`)
    t.equal(response.headers['x-ratelimit-limit'], String(LIMIT))
    t.equal(response.headers['x-ratelimit-remaining'], String(LIMIT - i), 'the remaining count follows the hits on both instances')
  }
  const refusedOnA = await tryLogin(onA)
  t.equal(refusedOnA.statusCode, 429, 'the next attempt is refused on A')
  const refusedOnB = await tryLogin(onB)
  t.equal(refusedOnB.statusCode, 429, 'and on B, which saw only some of the hits')
  t.match(refusedOnB.body, 'Too many requests')
  t.equal(refusedOnB.headers['x-ratelimit-remaining'], '0')
  const retryAfter = Number(refusedOnB.headers['retry-after'])
  t.ok(retryAfter >= WINDOW_S - 5 && retryAfter <= WINDOW_S, `retry-after is what is left of the window (${retryAfter} s)`)
  t.equal(refusedOnB.headers['x-ratelimit-reset'], String(retryAfter))
  t.equal((await onB.get('/login')).statusCode, 200, 'only the POST is limited')
})

t.test('a new window starts the count again, on every instance', async (t) => {
  const { a, b, db } = await twoInstances(t)
  const onA = new Client(a)
  for (let i = 0; i < LIMIT; i++) await tryLogin(onA)
  t.equal((await tryLogin(onA)).statusCode, 429)

  await ageWindows(db, 30_000)
  t.equal((await tryLogin(new Client(b))).statusCode, 429, 'half a minute later the window still holds')

  await ageWindows(db, 31_000)
  const again = await tryLogin(new Client(b))
  t.not(again.statusCode, 429, 'once the minute is over B answers')
  t.equal(again.headers['x-ratelimit-remaining'], String(LIMIT - 1), 'this attempt is the first of the new window')
  t.equal(again.headers['x-ratelimit-reset'], String(WINDOW_S))
  t.not((await tryLogin(onA)).statusCode, 429, 'and A counts in the same new window')
  const row = await db.selectFrom('rate_counters').select('count').where('key', 'like', `${PER_IP_KEY_PREFIX}POST /login:%`).executeTakeFirstOrThrow()
  t.equal(row.count, 2)
})

t.test('attempts refused past the limit are not written: the counter stays at the limit, the answer stays 429', async (t) => {
  const { a, db } = await twoInstances(t)
  const client = new Client(a)
  for (let i = 0; i < LIMIT; i++) await tryLogin(client)
  for (let i = 0; i < 5; i++) t.equal((await tryLogin(client)).statusCode, 429)
  const row = await db.selectFrom('rate_counters').select('count').where('key', 'like', `${PER_IP_KEY_PREFIX}POST /login:%`).executeTakeFirstOrThrow()
  t.equal(row.count, LIMIT)
})

t.test('each route and each address has its own counter, apart from the per-login throttle', async (t) => {
  const { a, b, db } = await twoInstances(t)
  const onA = new Client(a)
  for (let i = 0; i <= LIMIT; i++) await tryLogin(onA, 'laura.vidal')
  t.equal((await tryLogin(onA, 'laura.vidal')).statusCode, 429)

  const forgot = new Client(b)
  await forgot.get('/password/forgot')
  t.not((await forgot.post('/password/forgot', { login: 'laura.vidal' })).statusCode, 429, 'the password form of the same address still answers')

  const elsewhere = await b.inject({ method: 'GET', url: '/login', remoteAddress: '10.9.8.7' })
  t.equal(elsewhere.statusCode, 200)
  const otherAddress = await b.inject({ method: 'POST', url: '/login', remoteAddress: '10.9.8.7', payload: 'login=x&password=y', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
  t.not(otherAddress.statusCode, 429, 'another address is not refused')
  t.equal(otherAddress.headers['x-ratelimit-remaining'], String(LIMIT - 1))

  const perLogin = await db.selectFrom('rate_counters').select('count').where('key', '=', 'login:laura.vidal').executeTakeFirstOrThrow()
  t.equal(perLogin.count, LIMIT, 'the per-login counter counts only the attempts that reached the handler')
  const keys = (await db.selectFrom('rate_counters').select('key').execute()).map((row) => row.key)
  t.equal(keys.filter((key) => key.startsWith(PER_IP_KEY_PREFIX)).length, 3, 'one per-IP counter per route and address')
})

t.test('parallel hits on one key each get their own count (one atomic statement per hit)', async (t) => {
  const db = await freshDatabase(t)
  const hits = await Promise.all(Array.from({ length: 20 }, () => hitWindow(db, 'ip:test:parallel', 60_000)))
  t.same(hits.map((hit) => hit.count).sort((x, y) => x - y), Array.from({ length: 20 }, (_, i) => i + 1))
  t.equal(new Set(hits.map((hit) => hit.windowStart)).size, 1, 'all in one window')
})

t.test('the time left in a window stays within the window, whatever the clocks', async (t) => {
  const now = new Date('2026-12-01T10:00:30.000Z')
  t.equal(msLeftInWindow('2026-12-01T10:00:00.000Z', 60_000, now), 30_000)
  t.equal(msLeftInWindow('2026-12-01T10:00:40.000Z', 60_000, now), 60_000, 'a window started by a clock ahead')
  t.equal(msLeftInWindow('2026-12-01T09:58:00.000Z', 60_000, now), 0)
})

t.test('the store refuses options that would move a fixed window', async (t) => {
  const db = await freshDatabase(t)
  const Store = databaseRateLimitStore(db)
  const store = new Store({})
  const routeInfo = { method: 'POST', url: '/x' }
  t.throws(() => store.child({ continueExceeding: true, routeInfo } as never), /continueExceeding/)
  t.throws(() => store.child({ exponentialBackoff: true, routeInfo } as never), /exponentialBackoff/)
  t.ok(store.child({ routeInfo } as never))
})

t.test('housekeeping deletes counters whose window ended a day ago or more, and keeps the current ones', async (t) => {
  const db = await freshDatabase(t)
  const now = new Date('2026-11-22T12:00:00Z')
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * 3_600_000).toISOString()
  await db.insertInto('rate_counters').values([
    { key: 'ip:POST /login:203.0.113.1', window_start: at(25), count: 3 },
    { key: 'login:alice.martin', window_start: at(30), count: 9 },
    { key: 'ip:POST /login:203.0.113.2', window_start: at(0.1), count: 1 },
  ]).execute()
  t.equal(await purgeOldRateCounters(db, now), 2)
  t.same((await db.selectFrom('rate_counters').select('key').execute()).map((row) => row.key), ['ip:POST /login:203.0.113.2'])
})
