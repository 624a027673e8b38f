import t, { type Test } from 'tap'
import { buildTestApp, freshDatabase } from '../helpers/app.js'
import { Client } from '../helpers/client.js'
import { DEMO_PASSWORD, loginAs, seedPersonas } from '../helpers/personas.js'
import { SESSION_COOKIE } from '../../src/plugins/session.js'

async function setup(t: Test, config = {}) {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  const app = await buildTestApp(t, { db, config: { loginRateLimitPerIp: 1000, loginRateLimitPerLogin: 1000, ...config } })
  return { app, db }
}

async function attempt(client: Client, login: string, password: string, next?: string) {
  await client.get('/login')
  return client.post('/login', next === undefined ? { login, password } : { login, password, next })
}

t.test('the right password signs in and sends to the dashboard', async (t) => {
  const { app } = await setup(t)
  const client = new Client(app)
  const response = await attempt(client, 'chloe.bernard', DEMO_PASSWORD)
  t.equal(response.statusCode, 303)
  t.equal(response.headers.location, '/')
  const home = await client.get('/')
  t.equal(home.statusCode, 200)
  t.match(home.body, 'Chloé Bernard')
})

t.test('a wrong password and an unknown login get the same generic message, with the login kept', async (t) => {
  const { app } = await setup(t)
  const wrong = await attempt(new Client(app), 'chloe.bernard', 'Wrong#Pass1')
  const unknown = await attempt(new Client(app), 'nobody.here', 'Wrong#Pass1')
  for (const response of [wrong, unknown]) {
    t.equal(response.statusCode, 422)
    t.match(response.body, 'The login or password is incorrect')
    t.match(response.body, 'There is a problem')
  }
  t.match(wrong.body, 'value="chloe.bernard"')
})

t.test('empty fields are refused with a message next to each field', async (t) => {
  const { app } = await setup(t)
  const response = await attempt(new Client(app), '', '')
  t.equal(response.statusCode, 422)
  t.match(response.body, 'href="#login">Enter your login')
  t.match(response.body, 'href="#password">Enter your password')
  t.match(response.body, 'id="login-error"')
})

t.test('five wrong passwords in a row lock the account for 15 minutes, even against the right password', async (t) => {
  const { app, db } = await setup(t)
  const client = new Client(app)
  for (let i = 0; i < 4; i++) t.equal((await attempt(client, 'bruno.petit', 'Wrong#Pass1')).statusCode, 422)
  const fifth = await attempt(client, 'bruno.petit', 'Wrong#Pass1')
  t.match(fifth.body, 'This account is locked')
  const user = await db.selectFrom('users').select(['locked_until', 'failed_login_count']).where('login', '=', 'bruno.petit').executeTakeFirstOrThrow()
  const minutes = (Date.parse(user.locked_until!) - Date.now()) / 60_000
  t.ok(minutes > 14.9 && minutes <= 15, 'locked for 15 minutes')
  const right = await attempt(client, 'bruno.petit', DEMO_PASSWORD)
  t.equal(right.statusCode, 422)
  t.match(right.body, 'This account is locked')
  const audit = await db.selectFrom('audit_log').select('action').where('action', '=', 'account.locked').execute()
  t.equal(audit.length, 1, 'the lock is in the audit log')
})

t.test('wrong passwords sent all at once each count: five in parallel lock the account, once', async (t) => {
  const { app, db } = await setup(t)
  const clients = Array.from({ length: 5 }, () => new Client(app))
  for (const client of clients) await client.get('/login')
  await Promise.all(clients.map((client) => client.post('/login', { login: 'bruno.petit', password: 'Wrong#Pass1' })))
  const user = await db.selectFrom('users').select(['locked_until', 'failed_login_count']).where('login', '=', 'bruno.petit').executeTakeFirstOrThrow()
  t.ok(user.locked_until !== null && user.locked_until > new Date().toISOString(), 'locked')
  t.equal(user.failed_login_count, 0, 'the count starts again after the lock')
  const audit = await db.selectFrom('audit_log').select('action').where('action', '=', 'account.locked').execute()
  t.equal(audit.length, 1, 'one lock in the audit log')
})

t.test('a lock expires: after its time the right password signs in again', async (t) => {
  const { app, db } = await setup(t)
  const past = new Date(Date.now() - 1000).toISOString()
  await db.updateTable('users').set({ locked_until: past }).where('login', '=', 'ines.garnier').execute()
  const response = await attempt(new Client(app), 'ines.garnier', DEMO_PASSWORD)
  t.equal(response.statusCode, 303)
  const user = await db.selectFrom('users').select(['locked_until']).where('login', '=', 'ines.garnier').executeTakeFirstOrThrow()
  t.equal(user.locked_until, null)
})

t.test('a success resets the count of consecutive failures', async (t) => {
  const { app, db } = await setup(t)
  const client = new Client(app)
  for (let i = 0; i < 4; i++) await attempt(client, 'julien.blanc', 'Wrong#Pass1')
  t.equal((await attempt(client, 'julien.blanc', DEMO_PASSWORD)).statusCode, 303)
  const user = await db.selectFrom('users').select('failed_login_count').where('login', '=', 'julien.blanc').executeTakeFirstOrThrow()
  t.equal(user.failed_login_count, 0)
})

t.test('POST /login is rate-limited per login, whatever the outcome', async (t) => {
  const { app } = await setup(t, { loginRateLimitPerLogin: 3 })
  const client = new Client(app)
  for (let i = 0; i < 3; i++) t.not((await attempt(client, 'laura.vidal', 'Wrong#Pass1')).statusCode, 429)
  const refused = await attempt(client, 'laura.vidal', DEMO_PASSWORD)
  t.equal(refused.statusCode, 429)
  t.match(refused.body, 'Too many login attempts')
})

t.test('POST /login is rate-limited per IP address', async (t) => {
  const { app } = await setup(t, { loginRateLimitPerIp: 2 })
  const client = new Client(app)
  await attempt(client, 'someone.a', 'x')
  await attempt(client, 'someone.b', 'x')
  const refused = await attempt(client, 'someone.c', 'x')
  t.equal(refused.statusCode, 429)
  t.match(refused.body, 'Too many requests')
})

t.test('the session id changes at login and the old one is dead', async (t) => {
  const { app } = await setup(t)
  const client = new Client(app)
  await client.get('/login')
  const before = client.cookie(SESSION_COOKIE)
  t.ok(before, 'the login page sets a session for its CSRF token')
  await client.post('/login', { login: 'chloe.bernard', password: DEMO_PASSWORD })
  const after = client.cookie(SESSION_COOKIE)
  t.not(after, before)
  const replay = await app.inject({ url: '/', headers: { cookie: `${SESSION_COOKIE}=${before}` } })
  t.equal(replay.statusCode, 302, 'the pre-login cookie does not open the dashboard')
})

t.test('logging out ends the session: its cookie no longer opens any page', async (t) => {
  const { app } = await setup(t)
  const client = await loginAs(app, 'chloe.bernard')
  const cookie = client.cookie(SESSION_COOKIE)
  const out = await client.post('/logout')
  t.equal(out.statusCode, 303)
  t.equal(out.headers.location, '/login')
  t.match((await client.get('/login')).body, 'You have been logged out')
  const replay = await app.inject({ url: '/', headers: { cookie: `${SESSION_COOKIE}=${cookie}` } })
  t.equal(replay.statusCode, 302)
})

t.test('a page asked for before login is shown after it', async (t) => {
  const { app } = await setup(t)
  const client = new Client(app)
  const first = await client.get('/contracts/OCB0000101')
  t.equal(first.statusCode, 302)
  t.equal(first.headers.location, '/login?next=%2Fcontracts%2FOCB0000101')
  const page = await client.get(first.headers.location as string)
  t.match(page.body, 'name="next" value="/contracts/OCB0000101"')
  const response = await client.post('/login', { login: 'chloe.bernard', password: DEMO_PASSWORD, next: '/contracts/OCB0000101' })
  t.equal(response.headers.location, '/contracts/OCB0000101')
})

t.test('next only accepts local paths: no open redirect', async (t) => {
  const { app } = await setup(t)
  for (const next of ['//evil.example', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)', '/%0d%0aLocation:x']) {
    const response = await attempt(new Client(app), 'chloe.bernard', DEMO_PASSWORD, next)
    t.equal(response.statusCode, 303)
    t.ok(String(response.headers.location).startsWith('/') && !String(response.headers.location).startsWith('//'), `${next} → ${response.headers.location}`)
    t.notMatch(String(response.headers.location), 'evil.example')
  }
})

t.test('a POST without a CSRF token, or with a wrong one, is refused with 403 and writes nothing', async (t) => {
  const { app, db } = await setup(t)
  const client = new Client(app)
  await client.get('/login')
  const missing = await client.post('/login', { _csrf: null, login: 'bruno.petit', password: 'Wrong#Pass1' })
  const wrong = await client.post('/login', { _csrf: 'forged-token', login: 'bruno.petit', password: 'Wrong#Pass1' })
  for (const response of [missing, wrong]) {
    t.equal(response.statusCode, 403)
    t.match(response.body, 'This form has expired')
  }
  const user = await db.selectFrom('users').select('failed_login_count').where('login', '=', 'bruno.petit').executeTakeFirstOrThrow()
  t.equal(user.failed_login_count, 0, 'the refused attempts were not even counted')
})

t.test('a signed-in user visiting /login goes to the dashboard', async (t) => {
  const { app } = await setup(t)
  const client = await loginAs(app, 'chloe.bernard')
  const response = await client.get('/login')
  t.equal(response.statusCode, 302)
  t.equal(response.headers.location, '/')
})
