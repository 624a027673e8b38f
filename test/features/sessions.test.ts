import t, { type Test } from 'tap'
import { buildTestApp, freshDatabase } from '../helpers/app.js'
import { loginAs, seedPersonas } from '../helpers/personas.js'
import { purgeExpiredSessions } from '../../src/db/session-store.js'
import { SESSION_COOKIE } from '../../src/plugins/session.js'

async function setup(t: Test) {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  return { db, app: await buildTestApp(t, { db, config: { sessionIdleMinutes: 30, sessionMaxHours: 12 } }) }
}

// Moves the session's clocks back in time, as if the user had been away.
async function age(db: Awaited<ReturnType<typeof setup>>['db'], field: 'seenAt' | 'loginAt', ms: number) {
  const rows = await db.selectFrom('sessions').select(['id', 'data']).where('user_id', 'is not', null).execute()
  for (const row of rows) {
    const data = JSON.parse(row.data)
    data[field] -= ms
    await db.updateTable('sessions').set({ data: JSON.stringify(data) }).where('id', '=', row.id).execute()
  }
}

t.test('sessions live in the database, one row per signed-in browser', async (t) => {
  const { db, app } = await setup(t)
  await loginAs(app, 'chloe.bernard')
  await loginAs(app, 'chloe.bernard')
  const rows = await db.selectFrom('sessions').select('user_id').where('user_id', 'is not', null).execute()
  t.equal(rows.length, 2)
})

t.test('the session cookie is httpOnly and SameSite=Lax', async (t) => {
  const { app } = await setup(t)
  const response = await app.inject('/login')
  const cookie = String(response.headers['set-cookie'])
  t.match(cookie, `${SESSION_COOKIE}=`)
  t.match(cookie, 'HttpOnly')
  t.match(cookie, 'SameSite=Lax')
  t.notMatch(cookie, 'Secure', 'not Secure over plain http')
})

t.test('the cookie is Secure when the portal is served over https, and never sent over plain http then', async (t) => {
  const app = await buildTestApp(t, { config: { cookieSecure: true, trustProxy: '127.0.0.1' } })
  const overHttps = await app.inject({ url: '/login', headers: { 'x-forwarded-proto': 'https' } })
  t.match(String(overHttps.headers['set-cookie']), /ccs_session=.*; Secure/)
  const overHttp = await app.inject({ url: '/login' })
  t.notMatch(String(overHttp.headers['set-cookie'] ?? ''), 'ccs_session=')
})

t.test('a session idle for longer than the idle timeout is over', async (t) => {
  const { db, app } = await setup(t)
  const client = await loginAs(app, 'chloe.bernard')
  await age(db, 'seenAt', 31 * 60_000)
  const response = await client.get('/')
  t.equal(response.statusCode, 302)
  t.match((await client.get('/login')).body, 'Your session has expired')
})

t.test('a session older than the absolute lifetime is over, even if used all along', async (t) => {
  const { db, app } = await setup(t)
  const client = await loginAs(app, 'chloe.bernard')
  await age(db, 'loginAt', 12 * 3_600_000 + 1000)
  t.equal((await client.get('/')).statusCode, 302)
})

t.test('an active session keeps going: the idle clock is refreshed, at most once a minute', async (t) => {
  const { db, app } = await setup(t)
  const client = await loginAs(app, 'chloe.bernard')
  const before = await db.selectFrom('sessions').select(['updated_at']).where('user_id', 'is not', null).executeTakeFirstOrThrow()
  await client.get('/')
  const unchanged = await db.selectFrom('sessions').select(['updated_at']).where('user_id', 'is not', null).executeTakeFirstOrThrow()
  t.equal(unchanged.updated_at, before.updated_at, 'no write for a request within the minute')
  await age(db, 'seenAt', 29 * 60_000)
  t.equal((await client.get('/')).statusCode, 200)
  const row = await db.selectFrom('sessions').select(['data']).where('user_id', 'is not', null).executeTakeFirstOrThrow()
  t.ok(Date.now() - JSON.parse(row.data).seenAt < 5000, 'seen again just now')
})

t.test('expired rows are purged', async (t) => {
  const { db, app } = await setup(t)
  await loginAs(app, 'chloe.bernard')
  await db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).execute()
  t.ok((await purgeExpiredSessions(db)) >= 1)
  const left = await db.selectFrom('sessions').select('id').execute()
  t.equal(left.length, 0)
})
