import t, { type Test } from 'tap'
import { buildTestApp, freshDatabase } from '../helpers/app.js'
import { loginAs, seedPersonas } from '../helpers/personas.js'
import { postMultipart, SAMPLE_EXE, SAMPLE_PDF } from '../helpers/multipart.js'
import type { Client } from '../helpers/client.js'
import { createCompany, createContract, createRequest, createUser, grantRoles } from '../helpers/factories.js'
import { requestNumber } from '../../src/features/requests/request-number.js'
import { commentEffect } from '../../src/features/requests/comment.rules.js'

type App = Awaited<ReturnType<typeof setup>>

async function setup(t: Test) {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  return buildTestApp(t, { db, config: { loginRateLimitPerIp: 10_000 } })
}

/** The demo request with this title (scripts/seed-demo-requests.ts), by its number. */
async function demoRequest(app: App, titleStart: string) {
  const row = await app.db.selectFrom('requests').selectAll().where('title', 'like', `${titleStart}%`).executeTakeFirstOrThrow()
  return { ...row, number: requestNumber(row.id) }
}

/** Every row a comment may write, to prove a refused one wrote none. */
async function snapshot(app: App) {
  const [requests, events, comments, attachments] = await Promise.all([
    app.db.selectFrom('requests').selectAll().orderBy('id').execute(),
    app.db.selectFrom('request_events').selectAll().orderBy('id').execute(),
    app.db.selectFrom('request_comments').selectAll().orderBy('id').execute(),
    app.db.selectFrom('request_attachments').select(['id', 'sha256']).orderBy('id').execute(),
  ])
  return { requests, events, comments, attachments }
}

/** Emma on her open P1 incident's page, ready to post. */
async function emmaOnHerIncident(app: App): Promise<{ emma: Client; number: string; id: number }> {
  const req = await demoRequest(app, 'Web front unreachable')
  const emma = await loginAs(app, 'emma.leroy')
  await emma.get(`/requests/${req.number}`)
  return { emma, number: req.number, id: req.id }
}

const pdf = (fileName = 'traceroute.pdf', content = SAMPLE_PDF) => ({ field: 'attachment', fileName, content, contentType: 'application/pdf' })

t.test('a comment with a PDF is written with its file, shown in the conversation, and downloads the same bytes with safe headers', async (t) => {
  const app = await setup(t)
  const { emma, number, id } = await emmaOnHerIncident(app)
  const answer = await postMultipart(emma, `/requests/${number}/comments`, { body: 'Still down.\nTraceroute attached.' }, pdf())
  t.equal(answer.statusCode, 303)
  t.equal(answer.headers.location, `/requests/${number}#comments`)
  const comment = await app.db.selectFrom('request_comments').selectAll().where('request_id', '=', id).orderBy('id', 'desc').executeTakeFirstOrThrow()
  t.match(comment, { body: 'Still down.\nTraceroute attached.', internal: 0 })
  const file = await app.db.selectFrom('request_attachments').selectAll().where('comment_id', '=', comment.id).executeTakeFirstOrThrow()
  t.match(file, { request_id: id, file_name: 'traceroute.pdf', content_type: 'application/pdf', size_bytes: SAMPLE_PDF.length })
  const page = await emma.get(`/requests/${number}`)
  t.match(page.body, 'Your comment has been sent to the support team.')
  t.match(page.body, 'Still down.\nTraceroute attached.')
  t.match(page.body, `href="/requests/${number}/attachments/${file.id}"`)
  const download = await emma.get(`/requests/${number}/attachments/${file.id}`)
  t.equal(download.statusCode, 200)
  t.same(download.rawPayload, SAMPLE_PDF)
  t.equal(download.headers['content-type'], 'application/pdf')
  t.match(download.headers['content-disposition'], /^attachment; filename="traceroute.pdf"/)
  t.equal(download.headers['x-content-type-options'], 'nosniff')
  t.match(download.headers['cache-control'], 'no-store')
})

t.test('a plain urlencoded comment without a file is accepted and keeps its line breaks', async (t) => {
  const app = await setup(t)
  const { emma, number, id } = await emmaOnHerIncident(app)
  const answer = await emma.post(`/requests/${number}/comments`, { body: 'First line\r\nSecond line' })
  t.equal(answer.statusCode, 303)
  const comment = await app.db.selectFrom('request_comments').select('body').where('request_id', '=', id).orderBy('id', 'desc').executeTakeFirstOrThrow()
  t.equal(comment.body, 'First line\nSecond line')
  t.equal((await app.db.selectFrom('request_attachments').select('id').where('request_id', '=', id).execute()).length, 0)
})

t.test('a browser’s multipart comment of 5,000 accented characters is stored whole; one of 5,001 is refused (422)', async (t) => {
  const app = await setup(t)
  const { emma, number, id } = await emmaOnHerIncident(app)
  const long = 'é'.repeat(4999) + '€'
  t.equal((await postMultipart(emma, `/requests/${number}/comments`, { body: long })).statusCode, 303)
  const comment = await app.db.selectFrom('request_comments').select('body').where('request_id', '=', id).orderBy('id', 'desc').executeTakeFirstOrThrow()
  t.equal(comment.body, long, 'not cut by the multipart field limit')
  await emma.get(`/requests/${number}`)
  const before = await snapshot(app)
  const over = await postMultipart(emma, `/requests/${number}/comments`, { body: '€'.repeat(5001) })
  t.equal(over.statusCode, 422)
  t.match(over.body, 'The message must be 5000 characters or fewer')
  t.same(await snapshot(app), before)
})

t.test('a file over 10 MB is refused with 413, its message next to the field and the text kept, nothing written', async (t) => {
  const app = await setup(t)
  const { emma, number } = await emmaOnHerIncident(app)
  const before = await snapshot(app)
  const big = Buffer.concat([SAMPLE_PDF, Buffer.alloc(10 * 1024 * 1024 + 10, 0x20)])
  const answer = await postMultipart(emma, `/requests/${number}/comments`, { body: 'Big trace' }, pdf('big.pdf', big))
  t.equal(answer.statusCode, 413)
  t.match(answer.body, 'id="attachment-error"')
  t.match(answer.body, 'The file is larger than 10 MB')
  t.match(answer.body, '>Big trace</textarea>')
  t.same(await snapshot(app), before)
})

t.test('an empty message is refused with 422 and its message, nothing written', async (t) => {
  const app = await setup(t)
  const { emma, number } = await emmaOnHerIncident(app)
  const before = await snapshot(app)
  const answer = await postMultipart(emma, `/requests/${number}/comments`, { body: '  \n ' }, pdf())
  t.equal(answer.statusCode, 422)
  t.match(answer.body, 'id="body-error"')
  t.match(answer.body, 'Enter your message')
  t.match(answer.body, 'class="error-summary"')
  t.same(await snapshot(app), before)
})

t.test('a message over 5,000 characters is refused with 422, the text kept', async (t) => {
  const app = await setup(t)
  const { emma, number } = await emmaOnHerIncident(app)
  const before = await snapshot(app)
  const answer = await emma.post(`/requests/${number}/comments`, { body: 'x'.repeat(5001) })
  t.equal(answer.statusCode, 422)
  t.match(answer.body, 'The message must be 5000 characters or fewer')
  t.same(await snapshot(app), before)
})

t.test('an executable is refused with 422 and the type message, an empty file too, nothing written', async (t) => {
  const app = await setup(t)
  const { emma, number } = await emmaOnHerIncident(app)
  const before = await snapshot(app)
  const exe = await postMultipart(emma, `/requests/${number}/comments`, { body: 'See tool' }, { field: 'attachment', fileName: 'tool.exe', content: SAMPLE_EXE })
  t.equal(exe.statusCode, 422)
  t.match(exe.body, 'This type of file is not accepted')
  const empty = await postMultipart(emma, `/requests/${number}/comments`, { body: 'See file' }, pdf('empty.pdf', Buffer.alloc(0)))
  t.equal(empty.statusCode, 422)
  t.match(empty.body, 'The file is empty')
  t.same(await snapshot(app), before)
})

t.test('a multipart comment without its CSRF token is refused with 403, nothing written', async (t) => {
  const app = await setup(t)
  const { emma, number } = await emmaOnHerIncident(app)
  const before = await snapshot(app)
  const answer = await postMultipart(emma, `/requests/${number}/comments`, { body: 'No token' }, pdf(), { csrf: null })
  t.equal(answer.statusCode, 403)
  t.same(await snapshot(app), before)
})

t.test('a comment on a request completed 3 days ago reopens it: in progress again, with a "reopened by a comment" history row', async (t) => {
  const app = await setup(t)
  const req = await demoRequest(app, 'La planification des sauvegardes')
  t.equal(req.status, 'completed')
  const alice = await loginAs(app, 'alice.martin')
  const page = await alice.get(`/requests/${req.number}`)
  t.match(page.body, 'un commentaire la rouvre jusqu’au')
  const answer = await alice.post(`/requests/${req.number}/comments`, { body: 'Le problème est revenu cette nuit.' })
  t.equal(answer.statusCode, 303)
  const after = await app.db.selectFrom('requests').select('status').where('id', '=', req.id).executeTakeFirstOrThrow()
  t.equal(after.status, 'in_progress')
  const last = await app.db.selectFrom('request_events').selectAll().where('request_id', '=', req.id).orderBy('id', 'desc').executeTakeFirstOrThrow()
  t.match(last, { from_status: 'completed', to_status: 'in_progress', note: 'reopened' })
  const shown = await alice.get(`/requests/${req.number}`)
  t.match(shown.body, 'Votre commentaire a été transmis et la demande est rouverte.')
  t.match(shown.body, 'Rouverte par un commentaire')
})

t.test('a request completed more than 7 days ago takes no comment: the form is replaced by a message, a POST is a 422 that writes nothing', async (t) => {
  const app = await setup(t)
  const req = await demoRequest(app, 'La planification des sauvegardes')
  await app.db.updateTable('requests').set({ completed_at: new Date(Date.now() - 7 * 24 * 3_600_000 - 60_000).toISOString() }).where('id', '=', req.id).execute()
  const alice = await loginAs(app, 'alice.martin')
  const page = await alice.get(`/requests/${req.number}`)
  t.match(page.body, 'Cette demande ne peut plus être commentée')
  t.match(page.body, 'href="/requests/new?contract=OCB0000101"')
  t.notMatch(page.body, `action="/requests/${req.number}/comments"`)
  const before = await snapshot(app)
  const answer = await alice.post(`/requests/${req.number}/comments`, { body: 'Encore moi' })
  t.equal(answer.statusCode, 422)
  t.match(answer.body, 'Cette demande ne peut plus être commentée')
  t.same(await snapshot(app), before)
})

/** A staff move that lands after the comment handler has read the request and before its transaction: the race the
 * transaction's own re-read closes (the next transaction the app opens runs `move` first). */
function staffMoveJustBeforeTheTransaction(app: App, move: () => Promise<unknown>) {
  const db = app.db
  const transaction = db.transaction.bind(db)
  db.transaction = (() => {
    db.transaction = transaction
    const builder = transaction()
    return { execute: async (fn: Parameters<typeof builder.execute>[0]) => { await move(); return builder.execute(fn) } }
  }) as unknown as typeof db.transaction
}

t.test('a comment is refused (422, nothing written) when staff closed the request between its read and the comment\'s transaction', async (t) => {
  const app = await setup(t)
  const { emma, number, id } = await emmaOnHerIncident(app)
  staffMoveJustBeforeTheTransaction(app, () => app.db.updateTable('requests').set({ status: 'rejected', reject_reason: 'Duplicate' }).where('id', '=', id).execute())
  const answer = await emma.post(`/requests/${number}/comments`, { body: 'Still down?' })
  t.equal(answer.statusCode, 422)
  t.match(answer.body, 'can no longer be commented on')
  t.equal(await app.db.selectFrom('request_comments').select('id').where('request_id', '=', id).where('body', '=', 'Still down?').executeTakeFirst(), undefined, 'no comment row')
  t.equal((await app.db.selectFrom('requests').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status, 'rejected', 'still rejected')
})

t.test('a comment reopens a request staff completed between its read and the comment\'s transaction, from the status it has then', async (t) => {
  const app = await setup(t)
  const { emma, number, id } = await emmaOnHerIncident(app)
  staffMoveJustBeforeTheTransaction(app, () => app.db.updateTable('requests').set({ status: 'completed', completed_at: new Date().toISOString() }).where('id', '=', id).execute())
  const answer = await emma.post(`/requests/${number}/comments`, { body: 'It is down again.' })
  t.equal(answer.statusCode, 303)
  t.equal((await app.db.selectFrom('requests').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status, 'in_progress')
  const last = await app.db.selectFrom('request_events').selectAll().where('request_id', '=', id).orderBy('id', 'desc').executeTakeFirstOrThrow()
  t.match(last, { from_status: 'completed', to_status: 'in_progress', note: 'reopened' })
})

t.test('a rejected request refuses comments with 422 and writes nothing', async (t) => {
  const app = await setup(t)
  const req = await demoRequest(app, 'Domain name not resolving')
  const emma = await loginAs(app, 'emma.leroy')
  t.match((await emma.get(`/requests/${req.number}`)).body, 'can no longer be commented on')
  const before = await snapshot(app)
  const answer = await emma.post(`/requests/${req.number}/comments`, { body: 'Please look again' })
  t.equal(answer.statusCode, 422)
  t.same(await snapshot(app), before)
})

t.test('on a suspended contract the request is read-only: the page says so and a comment is a 403', async (t) => {
  const app = await setup(t)
  const { emma, number } = await emmaOnHerIncident(app)
  await app.db.updateTable('contracts').set({ status: 'suspended' }).where('code', '=', 'OCB0000201').execute()
  const page = await emma.get(`/requests/${number}`)
  t.match(page.body, 'This contract is suspended')
  t.notMatch(page.body, `action="/requests/${number}/comments"`)
  await emma.get('/account')
  const before = await snapshot(app)
  const answer = await emma.post(`/requests/${number}/comments`, { body: 'Hello?' })
  t.equal(answer.statusCode, 403)
  t.match(answer.body, 'This contract is suspended')
  t.same(await snapshot(app), before)
})

t.test('the message field sent twice is a 400, nothing written', async (t) => {
  const app = await setup(t)
  const { emma, number } = await emmaOnHerIncident(app)
  const before = await snapshot(app)
  t.equal((await emma.post(`/requests/${number}/comments`, { body: ['a', 'b'] })).statusCode, 400)
  t.same(await snapshot(app), before)
})

t.test('the reopening window is 7 days from completion: open at the last moment, closed a millisecond later; open requests always take comments', async (t) => {
  const completedAt = '2026-03-01T10:00:00.000Z'
  const done = { status: 'completed' as const, completed_at: completedAt }
  t.equal(commentEffect(done, new Date('2026-03-08T10:00:00.000Z')), 'reopen')
  t.equal(commentEffect(done, new Date('2026-03-08T10:00:00.001Z')), 'closed')
  t.equal(commentEffect({ status: 'in_progress', completed_at: null }, new Date('2030-01-01')), 'comment')
  t.equal(commentEffect({ status: 'rejected', completed_at: null }, new Date('2026-03-01')), 'closed')
})

/** An order on a contract: its author (services manager), a colleague who only reads orders, a services manager who isn't the author. */
async function orderWithVisitor(app: App) {
  const password = 'Comments#2026-test'
  const companyId = await createCompany(app.db, 'Order Comments Company')
  const user = (login: string) => createUser(app.db, { login, companyId, password })
  const [author, visitor, manager] = [await user('order.author'), await user('order.visitor'), await user('order.manager')]
  const contract = await createContract(app.db, { companyId, code: 'OCB0090301' })
  await grantRoles(app.db, contract, author.id, { orders: 'visitor', services: 'manager' })
  await grantRoles(app.db, contract, visitor.id, { orders: 'visitor', services: 'visitor' })
  await grantRoles(app.db, contract, manager.id, { orders: 'visitor', services: 'manager' })
  const id = await createRequest(app.db, { contractId: contract.id, authorId: author.id, type: 'order', title: 'Order a backup vault' })
  const signIn = async (login: string) => {
    const client = await loginAs(app, login, password)
    return { client, page: await client.get(`/requests/${requestNumber(id)}`) }
  }
  return { id, number: requestNumber(id), signIn }
}

t.test("an orders visitor who isn't the author sees an order but may not comment on it: no form, and a POST is a 403 naming the role, nothing written", async (t) => {
  const app = await setup(t)
  const { number, signIn } = await orderWithVisitor(app)
  const { client, page } = await signIn('order.visitor')
  t.equal(page.statusCode, 200)
  t.notMatch(page.body, `action="/requests/${number}/comments"`)
  t.match(page.body, 'Only the author of this request, or a user with the Manager role on the Catalog / Services section of this contract, can comment on it.')
  await client.get('/account')
  const before = await snapshot(app)
  const answer = await client.post(`/requests/${number}/comments`, { body: 'Any news?' })
  t.equal(answer.statusCode, 403)
  t.match(answer.body, 'This page needs the Manager role on the Catalog / Services section of this contract.')
  t.same(await snapshot(app), before)
})

t.test('the author of an order may comment on it, and so may a services manager of the contract', async (t) => {
  const app = await setup(t)
  const { id, number, signIn } = await orderWithVisitor(app)
  for (const login of ['order.author', 'order.manager']) {
    const { client, page } = await signIn(login)
    t.match(page.body, `action="/requests/${number}/comments"`, login)
    t.equal((await client.post(`/requests/${number}/comments`, { body: `From ${login}` })).statusCode, 303, login)
  }
  const bodies = await app.db.selectFrom('request_comments').select('body').where('request_id', '=', id).orderBy('id').execute()
  t.same(bodies.map((row) => row.body), ['From order.author', 'From order.manager'])
})
