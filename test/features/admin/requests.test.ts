// The staff request queue: its views and filters, a request's page, taking a
// request, answering or noting internally, and the status moves of
// STAFF_TRANSITIONS (anything else refused with nothing written).
import t, { type Test } from 'tap'
import { buildTestApp, freshDatabase } from '../../helpers/app.js'
import type { Client } from '../../helpers/client.js'
import { createRequest } from '../../helpers/factories.js'
import { postMultipart, SAMPLE_EXE, SAMPLE_PDF } from '../../helpers/multipart.js'
import { loginAs, loginAsStaff, seedPersonas } from '../../helpers/personas.js'
import type { DB } from '../../../src/db/database.js'
import type { RequestStatus, RequestType } from '../../../src/features/requests/request-types.js'
import { requestNumber } from '../../../src/features/requests/request-number.js'
import { changeRequestStatus, takeRequest } from '../../../src/features/admin/requests/request.writes.js'
import { findStaffRequest } from '../../../src/features/admin/requests/request.queries.js'

async function setup(t: Test) {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  return { db, app: await buildTestApp(t, { db, config: { loginRateLimitPerIp: 10_000 } }) }
}

const idOf = async (db: DB, login: string) => (await db.selectFrom('users').select('id').where('login', '=', login).executeTakeFirstOrThrow()).id
const contractId = async (db: DB, code: string) => (await db.selectFrom('contracts').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id

/** A request of chloe.bernard (en) on OCB0000101, in the given state. */
async function aRequest(db: DB, fields: { title?: string; status?: RequestStatus; type?: RequestType; dueAt?: string | null; at?: Date; contract?: string; author?: string; assignee?: string } = {}) {
  const id = await createRequest(db, {
    contractId: await contractId(db, fields.contract ?? 'OCB0000101'), authorId: await idOf(db, fields.author ?? 'chloe.bernard'),
    title: fields.title ?? 'Cannot reach the VPN', type: fields.type ?? 'incident', priority: 'P2', status: fields.status, dueAt: fields.dueAt ?? null, at: fields.at,
  })
  if (fields.assignee) await db.updateTable('requests').set({ assigned_user_id: await idOf(db, fields.assignee) }).where('id', '=', id).execute()
  return { id, number: requestNumber(id) }
}

/** What an action may write: each count must stay the same after a refusal. */
async function counts(db: DB) {
  const tables = ['requests', 'request_events', 'request_comments', 'request_attachments', 'audit_log', 'outbox', 'notifications'] as const
  const out: Record<string, number> = {}
  for (const table of tables) out[table] = Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
  const statuses = await db.selectFrom('requests').select(['id', 'status', 'assigned_user_id', 'updated_at']).orderBy('id').execute()
  return { tables: out, statuses: JSON.stringify(statuses) }
}

const queueLinks = (body: string) => [...body.matchAll(/href="\/admin\/requests\/(REQ-\d+)"/g)].map((m) => m[1])

async function postStatus(staff: Client, number: string, form: Record<string, string | string[]>) {
  await staff.get(`/admin/requests/${number}`)
  return staff.post(`/admin/requests/${number}/status`, form)
}

t.test('the queue shows new requests by default: transmitted and taken by nobody, oldest first', async (t) => {
  const { db, app } = await setup(t)
  const older = await aRequest(db, { title: 'Older one', at: new Date(Date.now() - 3 * 3_600_000) })
  const newer = await aRequest(db, { title: 'Newer one', at: new Date(Date.now() - 3_600_000) })
  const taken = await aRequest(db, { title: 'Taken one', assignee: 'marc.lefevre' })
  const working = await aRequest(db, { title: 'Worked on', status: 'in_progress' })
  const thomas = await loginAsStaff(app, 'thomas.girard')
  const queue = await thomas.get('/admin/requests')
  t.equal(queue.statusCode, 200)
  const links = queueLinks(queue.body)
  t.ok(links.indexOf(older.number) >= 0 && links.indexOf(older.number) < links.indexOf(newer.number), 'oldest first')
  t.notOk(links.includes(taken.number), 'a taken request is not new')
  t.notOk(links.includes(working.number), 'an in-progress request is not new')
  t.match(queue.body, '<option value="new" selected>')
  t.match(queue.body, /id="status" name="status">\s*<option value="" selected>/, 'any status')
  t.match(queue.body, /Older one<\/td>\s*<td data-label="Type">Incident<\/td>\s*<td data-label="Contract">[^<]+ <span class="muted">\(OCB0000101, /)
})

t.test('"mine" lists the open requests taken by the staff member, not others\' nor closed ones', async (t) => {
  const { db, app } = await setup(t)
  const mine = await aRequest(db, { status: 'in_progress', assignee: 'thomas.girard' })
  const closed = await aRequest(db, { status: 'completed', assignee: 'thomas.girard' })
  const marcs = await aRequest(db, { status: 'in_progress', assignee: 'marc.lefevre' })
  const thomas = await loginAsStaff(app, 'thomas.girard')
  const links = queueLinks((await thomas.get('/admin/requests?view=mine')).body)
  t.ok(links.includes(mine.number))
  t.notOk(links.includes(closed.number))
  t.notOk(links.includes(marcs.number))
})

t.test('overdue lists open requests past their due time, earliest due first, and marks them', async (t) => {
  const { db, app } = await setup(t)
  const late = await aRequest(db, { dueAt: new Date(Date.now() - 3_600_000).toISOString(), status: 'in_progress' })
  const later = await aRequest(db, { dueAt: new Date(Date.now() - 7_200_000).toISOString() })
  const onTime = await aRequest(db, { dueAt: new Date(Date.now() + 3_600_000).toISOString() })
  const doneLate = await aRequest(db, { dueAt: new Date(Date.now() - 3_600_000).toISOString(), status: 'completed' })
  const thomas = await loginAsStaff(app, 'thomas.girard')
  const page = await thomas.get('/admin/requests?view=all&overdue=1')
  const links = queueLinks(page.body)
  t.ok(links.indexOf(later.number) >= 0 && links.indexOf(later.number) < links.indexOf(late.number), 'earliest due first')
  t.notOk(links.includes(onTime.number))
  t.notOk(links.includes(doneLate.number), 'a completed request is never overdue')
  t.match(page.body, 'class="row--overdue"')
  t.match(page.body, '<strong class="overdue">Overdue</strong>')
})

t.test('the type and contract filters keep only that type and that contract', async (t) => {
  const { db, app } = await setup(t)
  const change = await aRequest(db, { type: 'change' })
  const incident = await aRequest(db, { type: 'incident' })
  const elsewhere = await aRequest(db, { type: 'change', contract: 'OCB0000201', author: 'emma.leroy' })
  const thomas = await loginAsStaff(app, 'thomas.girard')
  const changes = queueLinks((await thomas.get('/admin/requests?view=all&type=change&contract=ocb0000101')).body)
  t.ok(changes.includes(change.number))
  t.notOk(changes.includes(incident.number))
  t.notOk(changes.includes(elsewhere.number))
})

t.test('the search finds a request by number, title or contract, and takes % and _ as text', async (t) => {
  const { db, app } = await setup(t)
  const percent = await aRequest(db, { title: 'Disk 100% full' })
  const plain = await aRequest(db, { title: 'Disk 1000 full' })
  const avenue = await aRequest(db, { title: 'Quota', contract: 'OCB0000201', author: 'emma.leroy' })
  const thomas = await loginAsStaff(app, 'thomas.girard')
  const byWildcard = queueLinks((await thomas.get(`/admin/requests?view=all&q=${encodeURIComponent('100%')}`)).body)
  t.ok(byWildcard.includes(percent.number))
  t.notOk(byWildcard.includes(plain.number), '% is a character, not "anything"')
  t.same(queueLinks((await thomas.get(`/admin/requests?view=all&q=${encodeURIComponent('_isk')}`)).body), [], '_ is a character too')
  t.same(queueLinks((await thomas.get(`/admin/requests?view=all&q=${plain.number.toLowerCase()}`)).body), [plain.number], 'a number names one request')
  t.ok(queueLinks((await thomas.get('/admin/requests?view=all&q=OCB00002')).body).includes(avenue.number), 'a contract code from its start')
})

t.test('a 10,000-character search is cut to 100 characters, not an error', async (t) => {
  const { app } = await setup(t)
  const thomas = await loginAsStaff(app, 'thomas.girard')
  const page = await thomas.get(`/admin/requests?q=${'x'.repeat(10_000)}`)
  t.equal(page.statusCode, 200)
  t.match(page.body, `name="q" type="search" value="${'x'.repeat(100)}"`, 'the field shows what was searched: its first 100 characters')
})

t.test('the queue is no page for a customer (404) and is refused to billing staff (403)', async (t) => {
  const { db, app } = await setup(t)
  const { number } = await aRequest(db)
  const alice = await loginAs(app, 'alice.martin')
  t.equal((await alice.get('/admin/requests')).statusCode, 404)
  t.equal((await alice.get(`/admin/requests/${number}`)).statusCode, 404)
  const nadia = await loginAsStaff(app, 'nadia.benali')
  t.equal((await nadia.get('/admin/requests')).statusCode, 403)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  t.equal((await marc.get(`/admin/requests/${number}`)).statusCode, 200, 'account managers open it')
})

t.test('a request page shows the author\'s contact details, the support level, the due time and the internal notes marked', async (t) => {
  const { db, app } = await setup(t)
  const { id, number } = await aRequest(db, { dueAt: '2030-01-02T03:00:00.000Z' })
  const thomasId = await idOf(db, 'thomas.girard')
  await db.insertInto('request_comments').values({ request_id: id, author_user_id: thomasId, body: 'Host h17 is saturated', internal: 1, created_at: new Date().toISOString() }).execute()
  const thomas = await loginAsStaff(app, 'thomas.girard')
  const page = await thomas.get(`/admin/requests/${number}`)
  t.equal(page.statusCode, 200)
  t.match(page.body, `<h1>${number}: Cannot reach the VPN</h1>`)
  t.match(page.body, 'href="mailto:chloe.bernard@')
  t.match(page.body, /<dt>Support level<\/dt><dd>Business<\/dd>/)
  t.match(page.body, '2 Jan 2030, 04:00', 'the due time, in Paris time')
  t.match(page.body, 'Internal note by Thomas Girard')
  t.match(page.body, 'Internal — the customer never sees this.')
  t.equal((await thomas.get('/admin/requests/REQ-999999')).statusCode, 404)
  t.equal((await thomas.get('/admin/requests/123')).statusCode, 404)
})

t.test('taking a request assigns it to me without changing its status, and taking it from someone else keeps who had it', async (t) => {
  const { db, app } = await setup(t)
  const { id, number } = await aRequest(db, { assignee: 'marc.lefevre' })
  const thomas = await loginAsStaff(app, 'thomas.girard')
  const taken = await takeFromPage(thomas, number)
  t.equal(taken.statusCode, 303)
  t.equal(taken.headers.location, `/admin/requests/${number}`)
  const row = await db.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
  t.equal(row.assigned_user_id, await idOf(db, 'thomas.girard'))
  t.equal(row.status, 'transmitted', 'taking only assigns')
  const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'admin.request.taken').executeTakeFirstOrThrow()
  t.match(JSON.parse(audit.details!), { request: number, before: 'marc.lefevre' })
  t.match((await thomas.get(`/admin/requests/${number}`)).body, 'You have taken this request.')
})

/** Opens the request's page and posts its take form as it is: with the assignee the page showed. */
async function takeFromPage(staff: Client, number: string) {
  const page = await staff.get(`/admin/requests/${number}`)
  const assigned = /name="assigned" value="([0-9]*)"/.exec(page.body)
  if (!assigned) throw new Error('no take form on the page')
  return staff.post(`/admin/requests/${number}/take`, { assigned: assigned[1]! })
}

t.test('taking a request someone took since my page showed it is refused with 409 naming the race, and writes nothing', async (t) => {
  const { db, app } = await setup(t)
  const { id, number } = await aRequest(db)
  const thomas = await loginAsStaff(app, 'thomas.girard')
  const page = await thomas.get(`/admin/requests/${number}`)
  t.match(page.body, 'name="assigned" value=""', 'the page showed it taken by nobody')
  const marc = await loginAsStaff(app, 'marc.lefevre')
  t.equal((await takeFromPage(marc, number)).statusCode, 303, 'a colleague takes it first')
  const before = await counts(db)
  const late = await thomas.post(`/admin/requests/${number}/take`, { assigned: '' })
  t.equal(late.statusCode, 409)
  t.match(late.body, 'Taken by someone else meanwhile')
  t.match(late.body, 'Take it from Marc Lefèvre', 'the page shows who has it now')
  t.match(late.body, `name="assigned" value="${await idOf(db, 'marc.lefevre')}"`, 'and offers to take it from them knowingly')
  t.same(await counts(db), before)
  const row = await db.selectFrom('requests').select('assigned_user_id').where('id', '=', id).executeTakeFirstOrThrow()
  t.equal(row.assigned_user_id, await idOf(db, 'marc.lefevre'), 'the first taker keeps it')
})

t.test('the take is conditional in the database too: a stale assignee updates no row and writes no audit', async (t) => {
  const { db } = await setup(t)
  const { id } = await aRequest(db)
  const stale = (await findStaffRequest(db, id))!
  await db.updateTable('requests').set({ assigned_user_id: await idOf(db, 'marc.lefevre') }).where('id', '=', id).execute()
  const before = await counts(db)
  const taken = await db.transaction().execute((trx) => takeRequest(trx, stale, { userId: 1, name: 'X', ip: '127.0.0.1' }, new Date()))
  t.equal(taken, false)
  t.same(await counts(db), before)
})

for (const [label, form] of [['without the assignee the page showed', {}], ['with an assignee that is no user id', { assigned: 'nobody' }]] as const) {
  t.test(`a take ${label} is refused with 422 on the request page, and writes nothing`, async (t) => {
    const { db, app } = await setup(t)
    const { number } = await aRequest(db)
    const thomas = await loginAsStaff(app, 'thomas.girard')
    await thomas.get(`/admin/requests/${number}`)
    const before = await counts(db)
    const refused = await thomas.post(`/admin/requests/${number}/take`, form)
    t.equal(refused.statusCode, 422)
    t.match(refused.body, 'id="take-error"')
    t.match(refused.body, 'take it again from this page')
    t.same(await counts(db), before)
  })
}

const ALLOWED: Array<[RequestStatus, RequestStatus]> = [['transmitted', 'in_progress'], ['transmitted', 'rejected'], ['in_progress', 'completed'], ['in_progress', 'rejected']]

for (const [from, to] of ALLOWED) {
  t.test(`staff move a request from ${from} to ${to}: the history, the request and the audit log say so`, async (t) => {
    const { db, app } = await setup(t)
    const { id, number } = await aRequest(db, { status: from })
    const thomas = await loginAsStaff(app, 'thomas.girard')
    const moved = await postStatus(thomas, number, { status: to, reason: to === 'rejected' ? 'Out of the contract scope' : '' })
    t.equal(moved.statusCode, 303)
    const row = await db.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    t.equal(row.status, to)
    if (to === 'completed') t.ok(row.completed_at)
    if (to === 'rejected') t.equal(row.reject_reason, 'Out of the contract scope')
    const event = await db.selectFrom('request_events').selectAll().where('request_id', '=', id).orderBy('id', 'desc').executeTakeFirstOrThrow()
    t.match(event, { from_status: from, to_status: to, by_user_id: await idOf(db, 'thomas.girard') })
    const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'admin.request.status_changed').executeTakeFirstOrThrow()
    t.match(JSON.parse(audit.details!), { request: number, before: from, after: to })
  })
}

const REFUSED: Array<[RequestStatus, string]> = [
  ['transmitted', 'transmitted'], ['transmitted', 'completed'], ['transmitted', 'closed'], ['transmitted', ''], ['in_progress', 'transmitted'],
  ['completed', 'in_progress'], ['completed', 'rejected'], ['rejected', 'in_progress'], ['rejected', 'completed'],
]

for (const [from, to] of REFUSED) {
  t.test(`a move from ${from} to ${JSON.stringify(to)} is refused with 422 and writes nothing`, async (t) => {
    const { db, app } = await setup(t)
    const { number } = await aRequest(db, { status: from })
    const thomas = await loginAsStaff(app, 'thomas.girard')
    await thomas.get(`/admin/requests/${number}`)
    const before = await counts(db)
    const refused = await thomas.post(`/admin/requests/${number}/status`, { status: to, reason: 'Because' })
    t.equal(refused.statusCode, 422)
    t.match(refused.body, 'this request can’t move to that one')
    t.same(await counts(db), before)
  })
}

t.test('rejecting without a reason is refused with 422, the message next to the field, nothing written', async (t) => {
  const { db, app } = await setup(t)
  const { number } = await aRequest(db)
  const thomas = await loginAsStaff(app, 'thomas.girard')
  await thomas.get(`/admin/requests/${number}`)
  const before = await counts(db)
  const refused = await thomas.post(`/admin/requests/${number}/status`, { status: 'rejected', reason: '   ' })
  t.equal(refused.statusCode, 422)
  t.match(refused.body, 'id="reason-error"')
  t.match(refused.body, 'Give the reason for rejecting the request')
  t.same(await counts(db), before)
})

t.test('a move from a status someone else changed meanwhile writes nothing', async (t) => {
  const { db } = await setup(t)
  const { id } = await aRequest(db)
  const stale = (await findStaffRequest(db, id))!
  await db.updateTable('requests').set({ status: 'in_progress' }).where('id', '=', id).execute()
  const before = await counts(db)
  const moved = await db.transaction().execute((trx) =>
    changeRequestStatus(trx, stale, { to: 'rejected', reason: 'Duplicate' }, { userId: 1, name: 'X', ip: '127.0.0.1' }, new Date(), 'http://portal.test'))
  t.equal(moved, false)
  t.same(await counts(db), before)
})

t.test('an internal note is kept, marked internal, notifies nobody and never shows on the customer\'s page', async (t) => {
  const { db, app } = await setup(t)
  const { id, number } = await aRequest(db)
  const thomas = await loginAsStaff(app, 'thomas.girard')
  await thomas.get(`/admin/requests/${number}`)
  const before = await counts(db)
  const noted = await postMultipart(thomas, `/admin/requests/${number}/comments`, { body: 'Customer is on the old firmware', visibility: 'internal' })
  t.equal(noted.statusCode, 303)
  const comment = await db.selectFrom('request_comments').selectAll().where('request_id', '=', id).executeTakeFirstOrThrow()
  t.match(comment, { body: 'Customer is on the old firmware', internal: 1 })
  const after = await counts(db)
  t.equal(after.tables.notifications, before.tables.notifications, 'no notification')
  t.equal(after.tables.outbox, before.tables.outbox, 'no email')
  t.equal(after.tables.audit_log, before.tables.audit_log! + 1)
  const chloe = await loginAs(app, 'chloe.bernard')
  const customerPage = await chloe.get(`/requests/${number}`)
  t.equal(customerPage.statusCode, 200)
  t.notMatch(customerPage.body, 'old firmware')
})

t.test('an internal note leaves the request\'s "Updated" where it was; a reply to the customer moves it', async (t) => {
  const { db, app } = await setup(t)
  const { id, number } = await aRequest(db)
  const longAgo = '2026-01-01T00:00:00.000Z'
  await db.updateTable('requests').set({ updated_at: longAgo }).where('id', '=', id).execute()
  const updatedAt = async () => (await db.selectFrom('requests').select('updated_at').where('id', '=', id).executeTakeFirstOrThrow()).updated_at
  const thomas = await loginAsStaff(app, 'thomas.girard')
  await thomas.get(`/admin/requests/${number}`)
  t.equal((await postMultipart(thomas, `/admin/requests/${number}/comments`, { body: 'Old firmware', visibility: 'internal' })).statusCode, 303)
  t.equal(await updatedAt(), longAgo)
  await thomas.get(`/admin/requests/${number}`)
  t.equal((await postMultipart(thomas, `/admin/requests/${number}/comments`, { body: 'Please update the firmware.', visibility: 'customer' })).statusCode, 303)
  t.not(await updatedAt(), longAgo)
})

t.test('a reply of 5,000 accented characters is kept whole', async (t) => {
  const { db, app } = await setup(t)
  const { id, number } = await aRequest(db)
  const thomas = await loginAsStaff(app, 'thomas.girard')
  await thomas.get(`/admin/requests/${number}`)
  const sent = await postMultipart(thomas, `/admin/requests/${number}/comments`, { body: 'é'.repeat(5000), visibility: 'internal' })
  t.equal(sent.statusCode, 303)
  const comment = await db.selectFrom('request_comments').select('body').where('request_id', '=', id).executeTakeFirstOrThrow()
  t.equal(comment.body.length, 5000)
})

t.test('a reply to the customer keeps its PDF attachment, downloadable by staff', async (t) => {
  const { db, app } = await setup(t)
  const { id, number } = await aRequest(db)
  const thomas = await loginAsStaff(app, 'thomas.girard')
  await thomas.get(`/admin/requests/${number}`)
  const sent = await postMultipart(thomas, `/admin/requests/${number}/comments`, { body: 'Here is the procedure.', visibility: 'customer' },
    { field: 'attachment', fileName: 'procedure.pdf', content: SAMPLE_PDF, contentType: 'application/pdf' })
  t.equal(sent.statusCode, 303)
  const file = await db.selectFrom('request_attachments').selectAll().where('request_id', '=', id).executeTakeFirstOrThrow()
  t.ok(file.comment_id)
  const download = await thomas.get(`/admin/requests/${number}/attachments/${file.id}`)
  t.equal(download.statusCode, 200)
  t.match(String(download.headers['content-disposition']), 'attachment')
  t.same(download.rawPayload, SAMPLE_PDF)
  t.equal((await thomas.get(`/admin/requests/${number}/attachments/999999`)).statusCode, 404)
})

t.test('a reply without a message, without a visibility or with a refused file comes back with 422 and writes nothing', async (t) => {
  const { db, app } = await setup(t)
  const { number } = await aRequest(db)
  const thomas = await loginAsStaff(app, 'thomas.girard')
  await thomas.get(`/admin/requests/${number}`)
  const before = await counts(db)
  const empty = await postMultipart(thomas, `/admin/requests/${number}/comments`, { body: '', visibility: 'customer' })
  t.equal(empty.statusCode, 422)
  t.match(empty.body, 'Enter a message')
  const noVisibility = await postMultipart(thomas, `/admin/requests/${number}/comments`, { body: 'Hello <b>there</b>', visibility: 'everyone' })
  t.equal(noVisibility.statusCode, 422)
  t.match(noVisibility.body, 'Choose who reads the message')
  t.match(noVisibility.body, 'Hello &lt;b&gt;there&lt;/b&gt;', 'what was typed is kept, escaped')
  const exe = await postMultipart(thomas, `/admin/requests/${number}/comments`, { body: 'Tool', visibility: 'customer' }, { field: 'attachment', fileName: 'tool.exe', content: SAMPLE_EXE })
  t.equal(exe.statusCode, 422)
  const long = await postMultipart(thomas, `/admin/requests/${number}/comments`, { body: 'é'.repeat(5001), visibility: 'customer' })
  t.equal(long.statusCode, 422, 'a message over 5,000 characters, even of two bytes each, is refused, not cut')
  t.same(await counts(db), before)
})

t.test('the staff dashboard counts new and overdue requests and links them to the queue', async (t) => {
  const { db, app } = await setup(t)
  const thomas = await loginAsStaff(app, 'thomas.girard')
  const newBefore = Number((await db.selectFrom('requests').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'transmitted').where('assigned_user_id', 'is', null).executeTakeFirstOrThrow()).n)
  await aRequest(db, { dueAt: new Date(Date.now() - 60_000).toISOString() })
  const home = await thomas.get('/admin')
  t.match(home.body, new RegExp(`<span class="tile__count">${newBefore + 1}</span>\\s*<a class="tile__label" href="/admin/requests\\?view=new">new requests from customers</a>`))
  t.match(home.body, 'href="/admin/requests?view=open&amp;overdue=1"')
})
