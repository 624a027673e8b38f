import t, { type Test } from 'tap'
import { buildTestApp, freshDatabase } from '../helpers/app.js'
import { loginAs, seedPersonas } from '../helpers/personas.js'
import { requestNumber } from '../../src/features/requests/request-number.js'

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

t.test('the author sees every field of an incident: number, type, contract, status, priority and its hint, service, author, due time, assignee', async (t) => {
  const app = await setup(t)
  const req = await demoRequest(app, 'Web front unreachable')
  const emma = await loginAs(app, 'emma.leroy')
  const page = await emma.get(`/requests/${req.number}`)
  t.equal(page.statusCode, 200)
  for (const text of [req.number, 'Web front unreachable', 'Incident', 'Lumière Web', 'href="/contracts/OCB0000201"', 'In progress',
    'P1 – critical', 'A production service is down or unusable', 'Cloud Avenue vApp', 'Emma Leroy', 'Handled by', 'Thomas G.',
    'answers neither on HTTP nor on ping']) t.match(page.body, text)
  t.match(page.body, /<title>REQ-\d{6}: Web front unreachable – Lumière Web \(OCB0000201\)/)
  t.match(page.body, `Expected by ${new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(new Date(req.due_at!))}`)
  t.notMatch(page.body, 'thomas.girard@', 'never a staff email')
})

t.test('a request whose due time has passed while open says so; one without commitment says there is none', async (t) => {
  const app = await setup(t)
  const latency = await demoRequest(app, 'Latence élevée')
  const alice = await loginAs(app, 'alice.martin')
  t.match((await alice.get(`/requests/${latency.number}`)).body, 'Délai dépassé', 'Business P2: 8 h, opened 30 h ago')
  const firewall = await demoRequest(app, 'Ouverture d’un flux')
  const david = await loginAs(app, 'david.moreau')
  t.match((await david.get(`/requests/${firewall.number}`)).body, 'Pas de délai de rétablissement garanti', 'FCA promises no time to repair')
})

t.test('the status history lists each move with its date, staff as "Support team" and a first name, and a rejection with its reason', async (t) => {
  const app = await setup(t)
  const req = await demoRequest(app, 'Domain name not resolving')
  const emma = await loginAs(app, 'emma.leroy')
  const page = (await emma.get(`/requests/${req.number}`)).body
  const history = page.slice(page.indexOf('id="history-heading"'), page.indexOf('id="comments"'))
  t.match(history, 'Request submitted')
  t.match(history, 'Emma Leroy')
  t.match(history, 'Support team (Thomas)')
  t.match(history, 'Reason: The domain is served by your own DNS provider')
  t.match(page, 'Reason for rejection')
  const events = await app.db.selectFrom('request_events').select('at').where('request_id', '=', req.id).execute()
  t.equal(events.length, 2)
})

t.test('a change request shows its item and the answers in the reader’s language', async (t) => {
  const app = await setup(t)
  const req = await demoRequest(app, 'Augmenter les quotas')
  const bruno = await loginAs(app, 'bruno.petit')
  const french = (await bruno.get(`/requests/${req.number}`)).body
  t.match(french, 'Augmenter les quotas Elastic Cloud Server')
  t.match(french, 'Nombre total de vCPU souhaité')
  t.match(french, 'Paris (eu-west-0)')
  const english = (await bruno.get(`/requests/${req.number}?lang=en`)).body
  t.match(english, 'Change requested')
  t.match(english, 'Increase Elastic Cloud Server quotas')
  t.match(english, 'vCPUs wanted in total')
})

t.test('the conversation shows customer and staff comments in order, with their attachments, and never an internal note', async (t) => {
  const app = await setup(t)
  const req = await demoRequest(app, 'Latence élevée')
  const alice = await loginAs(app, 'alice.martin')
  const page = (await alice.get(`/requests/${req.number}`)).body
  const staffReply = page.indexOf('Could you send us the latency you measure?')
  const customer = page.indexOf('Voici les mesures de ce matin.')
  t.ok(staffReply > 0 && customer > staffReply, 'staff reply, then the customer’s comment')
  t.match(page, 'Équipe support (Thomas)')
  t.match(page, 'latency-db01.csv')
  const note = await app.db.selectFrom('request_comments').select('body').where('request_id', '=', req.id).where('internal', '=', 1).executeTakeFirstOrThrow()
  t.notMatch(page, note.body, 'the internal note is not on the page')
  t.notMatch(page, 'hypervisor-trace.txt', 'nor its file')
  t.match(page, 'Conversation <span class="count">(2)</span>')
})

t.test('an attachment of an internal note is a 404 to the customer, one of a public comment downloads', async (t) => {
  const app = await setup(t)
  const req = await demoRequest(app, 'Latence élevée')
  const files = await app.db.selectFrom('request_attachments').innerJoin('request_comments', 'request_comments.id', 'request_attachments.comment_id')
    .select(['request_attachments.id', 'request_comments.internal', 'request_attachments.content']).where('request_attachments.request_id', '=', req.id).execute()
  const internal = files.find((f) => f.internal === 1)!
  const visible = files.find((f) => f.internal === 0)!
  const alice = await loginAs(app, 'alice.martin')
  t.equal((await alice.get(`/requests/${req.number}/attachments/${internal.id}`)).statusCode, 404)
  const download = await alice.get(`/requests/${req.number}/attachments/${visible.id}`)
  t.equal(download.statusCode, 200)
  t.same(download.rawPayload, visible.content)
})

t.test('a file sent with the request itself is listed and downloads', async (t) => {
  const app = await setup(t)
  const req = await demoRequest(app, 'Virtual desktops disconnect')
  const julien = await loginAs(app, 'julien.blanc')
  const page = (await julien.get(`/requests/${req.number}`)).body
  t.match(page, 'Files sent with the request')
  const file = await app.db.selectFrom('request_attachments').select(['id', 'content']).where('request_id', '=', req.id).executeTakeFirstOrThrow()
  t.match(page, `href="/requests/${req.number}/attachments/${file.id}"`)
  t.same((await julien.get(`/requests/${req.number}/attachments/${file.id}`)).rawPayload, file.content)
})

t.test('an incident private to its author is a 404 to a support visitor of the same contract: page, comment and attachments', async (t) => {
  const app = await setup(t)
  const req = await demoRequest(app, 'Latence élevée')
  const file = await app.db.selectFrom('request_attachments').innerJoin('request_comments', 'request_comments.id', 'request_attachments.comment_id')
    .select('request_attachments.id').where('request_attachments.request_id', '=', req.id).where('request_comments.internal', '=', 0).executeTakeFirstOrThrow()
  const chloe = await loginAs(app, 'chloe.bernard')
  t.equal((await chloe.get(`/requests/${req.number}`)).statusCode, 404)
  t.equal((await chloe.get(`/requests/${req.number}/attachments/${file.id}`)).statusCode, 404)
  await chloe.get('/account')
  const comments = await app.db.selectFrom('request_comments').select('id').execute()
  t.equal((await chloe.post(`/requests/${req.number}/comments`, { body: 'Me too' })).statusCode, 404)
  t.equal((await app.db.selectFrom('request_comments').select('id').execute()).length, comments.length, 'nothing written')
})

t.test('a user of another company gets 404 for a request, its comments and its attachments', async (t) => {
  const app = await setup(t)
  const req = await demoRequest(app, 'Virtual desktops disconnect')
  const file = await app.db.selectFrom('request_attachments').select('id').where('request_id', '=', req.id).executeTakeFirstOrThrow()
  const emma = await loginAs(app, 'emma.leroy')
  t.equal((await emma.get(`/requests/${req.number}`)).statusCode, 404)
  t.equal((await emma.get(`/requests/${req.number}/attachments/${file.id}`)).statusCode, 404)
  await emma.get('/account')
  t.equal((await emma.post(`/requests/${req.number}/comments`, { body: 'Hello' })).statusCode, 404)
})

t.test('the referent sees an incident another user opened on their contract', async (t) => {
  const app = await setup(t)
  const req = await demoRequest(app, 'Console slow to list')
  const alice = await loginAs(app, 'alice.martin')
  const page = await alice.get(`/requests/${req.number}`)
  t.equal(page.statusCode, 200)
  t.match(page.body, 'Chloé Bernard')
})

t.test('anything but a request number is a 404: a bare id, lower case, too few digits, an unknown number, a bad attachment id', async (t) => {
  const app = await setup(t)
  const req = await demoRequest(app, 'Web front unreachable')
  const emma = await loginAs(app, 'emma.leroy')
  for (const path of [`/requests/${req.id}`, `/requests/${req.number.toLowerCase()}`, '/requests/REQ-12', '/requests/REQ-999999', '/requests/REQ-000000',
    `/requests/${req.number}/attachments/abc`, `/requests/${req.number}/attachments/0`, `/requests/${req.number}/attachments/999999`]) {
    t.equal((await emma.get(path)).statusCode, 404, path)
  }
})

t.test('signed out, a request page sends to the login page', async (t) => {
  const app = await setup(t)
  const page = await app.inject({ url: '/requests/REQ-000001' })
  t.equal(page.statusCode, 302)
  t.match(page.headers.location, /^\/login\?next=/)
})
