import t, { type Test } from 'tap'
import { buildTestApp, freshDatabase } from '../helpers/app.js'
import { DEMO_PASSWORD, loginAs, seedPersonas } from '../helpers/personas.js'

async function setup(t: Test) {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  return { db, app: await buildTestApp(t, { db, config: { loginRateLimitPerIp: 1000, loginRateLimitPerLogin: 1000 } }) }
}

async function changePassword(client: Awaited<ReturnType<typeof loginAs>>, from: string, to: string) {
  await client.get('/account/password')
  return client.post('/account/password', { current_password: from, new_password: to, confirm_password: to })
}

t.test('an event becomes an unread notification, counted in the header of every page', async (t) => {
  const { app } = await setup(t)
  const client = await loginAs(app, 'farid.haddad')
  t.notMatch((await client.get('/')).body, 'count-badge', 'nothing unread at first')
  await changePassword(client, DEMO_PASSWORD, 'Nouveau#Pass26')
  const home = await client.get('/')
  t.match(home.body, '<span class="count-badge" aria-hidden="true">1</span>')
  t.match(home.body, '(1 unread)')
  const list = await client.get('/notifications')
  t.match(list.body, 'Your password was changed.')
  t.match(list.body, 'notification--unread')
})

t.test('one or all notifications can be marked read, and the unread filter follows', async (t) => {
  const { db, app } = await setup(t)
  const client = await loginAs(app, 'farid.haddad')
  await changePassword(client, DEMO_PASSWORD, 'Nouveau#Pass26')
  await changePassword(client, 'Nouveau#Pass26', 'Encore#Pass2026')
  const [first] = await db.selectFrom('notifications').select('id').orderBy('id').execute()
  await client.get('/notifications')
  t.equal((await client.post(`/notifications/${first!.id}/read`)).statusCode, 303)
  t.match((await client.get('/')).body, '(1 unread)')
  await client.post('/notifications/read-all')
  t.notMatch((await client.get('/')).body, 'count-badge')
  t.match((await client.get('/notifications?show=unread')).body, 'No unread notification')
})

t.test('another user’s notification cannot be marked read', async (t) => {
  const { db, app } = await setup(t)
  const farid = await loginAs(app, 'farid.haddad')
  await changePassword(farid, DEMO_PASSWORD, 'Nouveau#Pass26')
  const row = await db.selectFrom('notifications').select('id').executeTakeFirstOrThrow()
  const emma = await loginAs(app, 'emma.leroy')
  await emma.post(`/notifications/${row.id}/read`)
  const still = await db.selectFrom('notifications').select('read_at').where('id', '=', row.id).executeTakeFirstOrThrow()
  t.equal(still.read_at, null)
  t.equal((await emma.post('/notifications/not-a-number/read')).statusCode, 404)
})

t.test('a user can turn off in-portal notifications of a kind', async (t) => {
  const { db, app } = await setup(t)
  const client = await loginAs(app, 'farid.haddad')
  await client.get('/notifications')
  const saved = await client.post('/notifications/preferences', { 'totp_enabled:in_app': 'on', 'totp_disabled:in_app': 'on' })
  t.equal(saved.statusCode, 303)
  await changePassword(client, DEMO_PASSWORD, 'Nouveau#Pass26')
  t.equal((await db.selectFrom('notifications').select('id').execute()).length, 0, 'password_changed is off in the portal')
  t.equal((await db.selectFrom('outbox').select('id').where('template', '=', 'password_changed').execute()).length, 1, 'the security email is still sent')
  t.notMatch((await client.get('/notifications')).body, 'id="pref-password_changed-in_app" name="password_changed:in_app" checked')
})

t.test('a long list is paginated, 20 a page, with links that keep the filter', async (t) => {
  const { db, app } = await setup(t)
  const client = await loginAs(app, 'farid.haddad')
  const user = await db.selectFrom('users').select('id').where('login', '=', 'farid.haddad').executeTakeFirstOrThrow()
  const now = new Date().toISOString()
  await db.insertInto('notifications').values(Array.from({ length: 21 }, () => ({ user_id: user.id, kind: 'password_changed', params: '{}', link: null, read_at: null, created_at: now }))).execute()
  const first = await client.get('/notifications?show=unread')
  t.match(first.body, 'href="/notifications?show=unread&amp;page=2"')
  t.match(first.body, 'Page 1 of 2')
  const second = await client.get('/notifications?show=unread&page=2')
  t.equal([...second.body.matchAll(/class="notification notification--unread"/g)].length, 1)
})
