import t, { type Test } from 'tap'
import otplib from 'otplib'
import { buildTestApp, freshDatabase } from '../helpers/app.js'
import { Client } from '../helpers/client.js'
import { DEMO_PASSWORD, loginAs, seedPersonas } from '../helpers/personas.js'

const { authenticator } = otplib

async function setup(t: Test) {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  return { db, app: await buildTestApp(t, { db, config: { loginRateLimitPerIp: 1000, loginRateLimitPerLogin: 1000 } }) }
}

/** The code an authenticator app would show for the secret on the page, `stepsAhead` steps from now. */
function codeFor(secret: string, stepsAhead = 0): string {
  return authenticator.clone({ epoch: Date.now() + stepsAhead * 30_000 }).generate(secret)
}

async function enrol(client: Client): Promise<{ secret: string; codes: string[] }> {
  await client.get('/account/security')
  await client.post('/account/totp/start')
  const page = await client.get('/account/security')
  const secret = /data-testid="totp-secret">([A-Z2-7 ]+)</.exec(page.body)![1]!.replace(/ /g, '')
  const confirmed = await client.post('/account/totp/confirm', { code: codeFor(secret) })
  const codes = [...confirmed.body.matchAll(/<li><code>([a-z0-9-]+)<\/code><\/li>/g)].map((m) => m[1]!)
  return { secret, codes }
}

async function passwordStep(app: Parameters<typeof loginAs>[0], login: string) {
  const client = new Client(app)
  await client.get('/login')
  const response = await client.post('/login', { login, password: DEMO_PASSWORD })
  return { client, response }
}

t.test('enrolment shows a QR code and the key, and turns on only with a valid first code', async (t) => {
  const { db, app } = await setup(t)
  const client = await loginAs(app, 'chloe.bernard')
  await client.get('/account/security')
  await client.post('/account/totp/start')
  const page = await client.get('/account/security')
  t.match(page.body, '<svg')
  const wrong = await client.post('/account/totp/confirm', { code: '000000' })
  t.equal(wrong.statusCode, 422)
  t.match(wrong.body, 'This code is not valid')
  const user = await db.selectFrom('users').select(['totp_enabled_at', 'totp_secret']).where('login', '=', 'chloe.bernard').executeTakeFirstOrThrow()
  t.equal(user.totp_enabled_at, null, 'not on after a wrong code')
  t.notMatch(user.totp_secret!, /^[A-Z2-7]{32}$/, 'the secret is stored encrypted')
})

t.test('a confirmed enrolment shows ten recovery codes once, stored hashed', async (t) => {
  const { db, app } = await setup(t)
  const client = await loginAs(app, 'chloe.bernard')
  const { codes } = await enrol(client)
  t.equal(codes.length, 10)
  t.equal(new Set(codes).size, 10)
  const stored = await db.selectFrom('recovery_codes').select('code_hash').execute()
  t.equal(stored.length, 10)
  t.notOk(stored.some((row) => codes.includes(row.code_hash)))
  t.notMatch((await client.get('/account/security')).body, codes[0]!, 'never shown again')
})

t.test('login asks for the code after the password, and signs in with it', async (t) => {
  const { app } = await setup(t)
  const { secret } = await enrol(await loginAs(app, 'chloe.bernard'))
  const { client, response } = await passwordStep(app, 'chloe.bernard')
  t.equal(response.headers.location, '/login/2fa')
  t.equal((await client.get('/')).statusCode, 302, 'not signed in between the two steps')
  await client.get('/login/2fa')
  const done = await client.post('/login/2fa', { code: codeFor(secret, 1) })
  t.equal(done.statusCode, 303, 'a code one step ahead is accepted (clock drift)')
  t.equal((await client.get('/')).statusCode, 200)
})

t.test('a code is never accepted twice', async (t) => {
  const { app } = await setup(t)
  const { secret } = await enrol(await loginAs(app, 'chloe.bernard'))
  const code = codeFor(secret, 1)
  const first = await passwordStep(app, 'chloe.bernard')
  await first.client.get('/login/2fa')
  t.equal((await first.client.post('/login/2fa', { code })).statusCode, 303)
  const second = await passwordStep(app, 'chloe.bernard')
  await second.client.get('/login/2fa')
  const replay = await second.client.post('/login/2fa', { code })
  t.equal(replay.statusCode, 422)
  t.match(replay.body, 'This code is not valid')
})

t.test('a recovery code signs in once', async (t) => {
  const { app } = await setup(t)
  const { codes } = await enrol(await loginAs(app, 'chloe.bernard'))
  const first = await passwordStep(app, 'chloe.bernard')
  await first.client.get('/login/2fa')
  t.equal((await first.client.post('/login/2fa', { code: codes[3]!.toUpperCase() })).statusCode, 303)
  const second = await passwordStep(app, 'chloe.bernard')
  await second.client.get('/login/2fa')
  t.equal((await second.client.post('/login/2fa', { code: codes[3]! })).statusCode, 422)
})

t.test('wrong codes count as failed logins: five attempts end the pending login', async (t) => {
  const { db, app } = await setup(t)
  await enrol(await loginAs(app, 'chloe.bernard'))
  const { client } = await passwordStep(app, 'chloe.bernard')
  await client.get('/login/2fa')
  for (let i = 0; i < 4; i++) t.equal((await client.post('/login/2fa', { code: '123456' })).statusCode, 422)
  const fifth = await client.post('/login/2fa', { code: '123456' })
  t.equal(fifth.headers.location, '/login')
  const user = await db.selectFrom('users').select(['locked_until']).where('login', '=', 'chloe.bernard').executeTakeFirstOrThrow()
  t.ok(user.locked_until, 'five wrong codes lock the account like five wrong passwords')
})

t.test('turning it off needs the password and a code; staff cannot', async (t) => {
  const { db, app } = await setup(t)
  const client = await loginAs(app, 'chloe.bernard')
  const { secret } = await enrol(client)
  await client.get('/account/security')
  const noPassword = await client.post('/account/totp/disable', { password: 'Wrong#1pass', code: codeFor(secret, 1) })
  t.equal(noPassword.statusCode, 422)
  t.match(noPassword.body, 'This is not your password')
  const off = await client.post('/account/totp/disable', { password: DEMO_PASSWORD, code: codeFor(secret, 1) })
  t.equal(off.statusCode, 303)
  const user = await db.selectFrom('users').select(['totp_enabled_at', 'totp_secret']).where('login', '=', 'chloe.bernard').executeTakeFirstOrThrow()
  t.same(user, { totp_enabled_at: null, totp_secret: null })

  await db.updateTable('users').set({ is_staff: 1 }).where('login', '=', 'chloe.bernard').execute()
  const again = await enrol(client)
  await client.get('/account/security')
  const staff = await client.post('/account/totp/disable', { password: DEMO_PASSWORD, code: codeFor(again.secret, 1) })
  t.equal(staff.statusCode, 422)
  t.match(staff.body, 'Staff accounts cannot turn off two-factor authentication')
})

t.test('the sessions list shows each browser, and one or all others can be signed out', async (t) => {
  const { app } = await setup(t)
  const phone = new Client(app, { 'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) Safari/604.1' })
  await phone.get('/login')
  await phone.post('/login', { login: 'chloe.bernard', password: DEMO_PASSWORD })
  const laptop = new Client(app, { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0' })
  await laptop.get('/login')
  await laptop.post('/login', { login: 'chloe.bernard', password: DEMO_PASSWORD })
  const page = await laptop.get('/account/security')
  t.match(page.body, 'Firefox · Linux')
  t.match(page.body, 'Safari · iOS')
  const handle = /name="session" value="([0-9a-f]+)"/.exec(page.body)![1]!
  t.equal((await laptop.post('/account/sessions/end', { session: handle })).statusCode, 303)
  t.equal((await phone.get('/')).statusCode, 302, 'the phone is signed out')
  t.equal((await laptop.get('/')).statusCode, 200, 'this browser stays signed in')
})
