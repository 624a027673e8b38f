// Staff hear of a customer's comment: the staff member who took the request
// gets an in-app notification linking to its staff page (written with the
// comment); nobody has taken it, nobody is told; staff's own notes tell no
// one. The queue's "updated" view lists open requests last touched first.
import t, { type Test } from 'tap'
import { buildTestApp, freshDatabase } from '../helpers/app.js'
import { createRequest } from '../helpers/factories.js'
import { postMultipart } from '../helpers/multipart.js'
import { loginAs, loginAsStaff, seedPersonas } from '../helpers/personas.js'
import type { DB } from '../../src/db/database.js'
import type { RequestStatus } from '../../src/features/requests/request-types.js'
import { requestNumber } from '../../src/features/requests/request-number.js'

async function setup(t: Test) {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  return { db, app: await buildTestApp(t, { db, config: { loginRateLimitPerIp: 10_000 } }) }
}

const idOf = async (db: DB, login: string) => (await db.selectFrom('users').select('id').where('login', '=', login).executeTakeFirstOrThrow()).id

/** An incident of chloe.bernard on OCB0000101, taken by `assignee` if given. */
async function aRequest(db: DB, fields: { title?: string; assignee?: string; status?: RequestStatus; at?: Date } = {}) {
  const contract = await db.selectFrom('contracts').select('id').where('code', '=', 'OCB0000101').executeTakeFirstOrThrow()
  const id = await createRequest(db, { contractId: contract.id, authorId: await idOf(db, 'chloe.bernard'), title: fields.title ?? 'VPN drops every hour', type: 'incident', priority: 'P3', status: fields.status, at: fields.at })
  if (fields.assignee) await db.updateTable('requests').set({ assigned_user_id: await idOf(db, fields.assignee) }).where('id', '=', id).execute()
  return { id, number: requestNumber(id) }
}

const customerCommentNotifications = (db: DB) => db.selectFrom('notifications').innerJoin('users', 'users.id', 'notifications.user_id')
  .select(['users.login', 'notifications.params', 'notifications.link']).where('notifications.kind', '=', 'request_customer_comment').orderBy('notifications.id').execute()

async function customerComments(db: DB, app: Awaited<ReturnType<typeof setup>>['app'], number: string, body = 'Still dropping this morning.') {
  const chloe = await loginAs(app, 'chloe.bernard')
  await chloe.get(`/requests/${number}`)
  return chloe.post(`/requests/${number}/comments`, { body })
}

t.test('a customer comment on a request taken by a staff member notifies that staff member, linking to the staff page', async (t) => {
  const { db, app } = await setup(t)
  const { number } = await aRequest(db, { assignee: 'thomas.girard' })
  t.equal((await customerComments(db, app, number)).statusCode, 303)
  const rows = await customerCommentNotifications(db)
  t.same(rows.map((row) => [row.login, row.link]), [['thomas.girard', `/admin/requests/${number}`]])
  t.same(JSON.parse(rows[0]!.params!), { number, title: 'VPN drops every hour', name: 'Chloé Bernard' })
  const thomas = await loginAsStaff(app, 'thomas.girard')
  const page = await thomas.get('/notifications')
  t.equal(page.statusCode, 200)
  t.match(page.body, `Chloé Bernard commented on ${number} “VPN drops every hour”, a request you have taken.`)
  t.match(page.body, `href="/admin/requests/${number}"`)
})

t.test('a comment that reopens a completed request notifies its staff member too, in their language', async (t) => {
  const { db, app } = await setup(t)
  const { id, number } = await aRequest(db, { assignee: 'marc.lefevre', status: 'completed' })
  await db.updateTable('requests').set({ completed_at: new Date(Date.now() - 24 * 3_600_000).toISOString() }).where('id', '=', id).execute()
  t.equal((await customerComments(db, app, number, 'It broke again.')).statusCode, 303)
  t.equal((await db.selectFrom('requests').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status, 'in_progress')
  t.same((await customerCommentNotifications(db)).map((row) => row.login), ['marc.lefevre'])
  const marc = await loginAsStaff(app, 'marc.lefevre')
  t.match((await marc.get('/notifications')).body, `Chloé Bernard a commenté ${number} « VPN drops every hour », une demande que vous avez prise.`)
})

t.test('a comment on a request nobody has taken notifies nobody', async (t) => {
  const { db, app } = await setup(t)
  const { number } = await aRequest(db)
  const before = await db.selectFrom('notifications').select('id').execute()
  t.equal((await customerComments(db, app, number)).statusCode, 303)
  t.same(await customerCommentNotifications(db), [])
  t.same(await db.selectFrom('notifications').select('id').execute(), before, 'no notification of any kind')
})

t.test("a staff member's internal note on their own request notifies nobody, themselves included", async (t) => {
  const { db, app } = await setup(t)
  const { number } = await aRequest(db, { assignee: 'thomas.girard' })
  const thomas = await loginAsStaff(app, 'thomas.girard')
  await thomas.get(`/admin/requests/${number}`)
  const before = await db.selectFrom('notifications').select('id').execute()
  t.equal((await postMultipart(thomas, `/admin/requests/${number}/comments`, { body: 'Checked the tunnel logs', visibility: 'internal' })).statusCode, 303)
  t.same(await customerCommentNotifications(db), [])
  t.same(await db.selectFrom('notifications').select('id').execute(), before)
})

t.test('a staff member who turned the notification off is not notified; the comment is still written', async (t) => {
  const { db, app } = await setup(t)
  const { id, number } = await aRequest(db, { assignee: 'thomas.girard' })
  await db.insertInto('notification_preferences').values({ user_id: await idOf(db, 'thomas.girard'), kind: 'request_customer_comment', channel: 'in_app', enabled: 0 }).execute()
  t.equal((await customerComments(db, app, number)).statusCode, 303)
  t.same(await customerCommentNotifications(db), [])
  t.equal((await db.selectFrom('request_comments').select('id').where('request_id', '=', id).execute()).length, 1)
})

t.test('the queue\'s "updated" view lists open requests last updated first, with their last update, and no closed one', async (t) => {
  const { db, app } = await setup(t)
  const hour = 3_600_000
  const older = await aRequest(db, { title: 'Older but commented', at: new Date(Date.now() - 5 * hour), assignee: 'thomas.girard' })
  const newer = await aRequest(db, { title: 'Newer, untouched', at: new Date(Date.now() - 2 * hour) })
  const done = await aRequest(db, { title: 'Finished one', status: 'completed', at: new Date(Date.now() - hour) })
  await db.updateTable('requests').set({ completed_at: new Date(Date.now() - 30 * 24 * hour).toISOString() }).where('id', '=', done.id).execute()
  await customerComments(db, app, older.number)
  const thomas = await loginAsStaff(app, 'thomas.girard')
  const page = await thomas.get('/admin/requests?view=updated')
  t.equal(page.statusCode, 200)
  t.match(page.body, '<option value="updated" selected>')
  t.match(page.body, '<th scope="col">Last update</th>')
  const links = [...page.body.matchAll(/href="\/admin\/requests\/(REQ-\d+)"/g)].map((m) => m[1])
  t.ok(links.indexOf(older.number) >= 0 && links.indexOf(older.number) < links.indexOf(newer.number), 'the commented one first')
  t.notOk(links.includes(done.number), 'a completed request is not open')
  t.notMatch((await thomas.get('/admin/requests?view=open')).body, 'Last update', 'the other views keep their columns')
})
