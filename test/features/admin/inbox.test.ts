// The back-office inbox: customers' messages to their account manager, with
// status, assignment and a reply by email in the customer's language.
import t, { type Test } from 'tap'
import { buildTestApp, freshDatabase } from '../../helpers/app.js'
import type { Client } from '../../helpers/client.js'
import { loginAs, loginAsStaff, seedPersonas } from '../../helpers/personas.js'
import type { DB } from '../../../src/db/database.js'
import { DEMO_MESSAGES, seedDemoInbox } from '../../../scripts/seed-demo-inbox.js'

async function setup(t: Test) {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  return { db, app: await buildTestApp(t, { db }) }
}

type App = Parameters<typeof loginAs>[0]

/** The customer writes to their account manager from "My company", as in the portal; returns the message's id. */
async function sendMessage(app: App, db: DB, login: string, subject: string, message = 'Could you call me back about our contract?'): Promise<number> {
  const customer = await loginAs(app, login)
  await customer.get('/account/company')
  const sent = await customer.post('/account/company/contact', { subject, message })
  if (sent.statusCode !== 303) throw new Error(`message not sent: ${sent.statusCode}`)
  return (await db.selectFrom('contact_messages').select('id').where('subject', '=', subject).executeTakeFirstOrThrow()).id
}

/** Many messages at once, for the list's filters and pages (the form is limited to 5 a minute). */
async function insertMessages(db: DB, login: string, count: number, subject: (n: number) => string) {
  const user = await db.selectFrom('users').select(['id', 'company_id']).where('login', '=', login).executeTakeFirstOrThrow()
  await db.insertInto('contact_messages').values(Array.from({ length: count }, (_, n) => ({
    user_id: user.id, company_id: user.company_id, to_address: 'manager@provider.example', subject: subject(n), message: 'Hello',
    created_at: new Date(Date.now() - (n + 1) * 60_000).toISOString(),
  }))).execute()
}

const idOf = async (db: DB, login: string) => (await db.selectFrom('users').select('id').where('login', '=', login).executeTakeFirstOrThrow()).id
const auditOf = (db: DB, action: string) => db.selectFrom('audit_log').selectAll().where('action', '=', action).execute()

async function openMessage(staff: Client, id: number) {
  return staff.get(`/admin/inbox/${id}`)
}

t.test('a message a customer sends from "My company" appears as new in the inbox, with sender, company and status', async (t) => {
  const { db, app } = await setup(t)
  const id = await sendMessage(app, db, 'chloe.bernard', 'Need a second VPN')
  const thomas = await loginAsStaff(app, 'thomas.girard')
  const inbox = await thomas.get('/admin/inbox')
  t.equal(inbox.statusCode, 200)
  t.match(inbox.body, `<a href="/admin/inbox/${id}">Need a second VPN</a>`)
  t.match(inbox.body, /Chloé Bernard <span class="muted">\(chloe.bernard\)<\/span><\/td>\s*<td data-label="Company">Hexagone Industries<\/td>\s*<td data-label="Contract">—<\/td>\s*<td data-label="Status"><span class="badge badge--transmitted">New<\/span>/)
  t.match(inbox.body, '<option value="new" selected>', 'new messages by default, as the dashboard links them')
  const page = await openMessage(thomas, id)
  t.match(page.body, '<h1>Message: Need a second VPN</h1>')
  t.match(page.body, 'Could you call me back about our contract?')
  t.match(page.body, 'href="/admin/users/chloe.bernard"')
  t.match(page.body, 'href="/admin/contracts/OCB0000103"', "the sender's contracts")
})

t.test('the inbox flow: assign to me, reply by email in the customer\'s language with the subject quoted, and the message is handled', async (t) => {
  const { db, app } = await setup(t)
  const id = await sendMessage(app, db, 'alice.martin', 'Renouvellement', 'Pouvez-vous\nme rappeler ?')
  const marc = await loginAsStaff(app, 'marc.lefevre')
  const marcId = await idOf(db, 'marc.lefevre')
  await openMessage(marc, id)
  t.equal((await marc.post(`/admin/inbox/${id}/assign`, { assignee: 'marc.lefevre' })).statusCode, 303)
  t.equal((await db.selectFrom('contact_messages').select('assigned_user_id').where('id', '=', id).executeTakeFirstOrThrow()).assigned_user_id, marcId)
  t.match((await marc.get('/admin/inbox?status=new&assigned=me')).body, `href="/admin/inbox/${id}"`, 'listed as mine')

  await openMessage(marc, id)
  const replied = await marc.post(`/admin/inbox/${id}/reply`, { body: 'Bonjour Alice,\nje vous appelle demain.', handled: 'yes' })
  t.equal(replied.statusCode, 303)
  t.equal(replied.headers.location, `/admin/inbox/${id}`)
  const reply = await db.selectFrom('contact_message_replies').selectAll().where('message_id', '=', id).executeTakeFirstOrThrow()
  t.equal(reply.author_user_id, marcId)
  t.equal(reply.body, 'Bonjour Alice,\nje vous appelle demain.')
  const email = await db.selectFrom('outbox').selectAll().where('template', '=', 'account_manager_reply').executeTakeFirstOrThrow()
  t.equal(email.to_address, 'alice.martin@hexagone.example')
  t.equal(email.locale, 'fr', "in alice's language")
  t.equal(email.subject, 'RE : Renouvellement')
  t.match(email.text_body, 'Marc Lefèvre a répondu à votre message « Renouvellement »')
  t.match(email.text_body, '> je vous appelle demain.')
  t.match(email.text_body, '> me rappeler ?', 'her message quoted')
  const message = await db.selectFrom('contact_messages').select(['status', 'handled_at']).where('id', '=', id).executeTakeFirstOrThrow()
  t.equal(message.status, 'handled')
  t.ok(message.handled_at)
  const [audit] = await auditOf(db, 'admin.message.replied')
  t.same(JSON.parse(audit!.details!), { message_id: id, handled: true })
  t.equal(audit!.target_user_id, await idOf(db, 'alice.martin'))
  t.equal((await auditOf(db, 'admin.message.assigned')).length, 1)
  t.notMatch((await marc.get('/admin/inbox')).body, `href="/admin/inbox/${id}"`, 'no longer among the new ones')
  t.match((await marc.get('/admin/inbox?status=handled')).body, `href="/admin/inbox/${id}"`)
  const page = await openMessage(marc, id)
  t.match(page.body, 'Réponses envoyées <span class="count">(1)</span>')
  t.match(page.body, 'je vous appelle demain.')
})

t.test('a reply leaves the message new unless "handled" is ticked', async (t) => {
  const { db, app } = await setup(t)
  const id = await sendMessage(app, db, 'chloe.bernard', 'Two questions')
  const thomas = await loginAsStaff(app, 'thomas.girard')
  await openMessage(thomas, id)
  t.equal((await thomas.post(`/admin/inbox/${id}/reply`, { body: 'First answer; the second follows.' })).statusCode, 303)
  t.equal((await db.selectFrom('contact_messages').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status, 'new')
  const email = await db.selectFrom('outbox').selectAll().where('template', '=', 'account_manager_reply').executeTakeFirstOrThrow()
  t.equal(email.locale, 'en', "in chloe's language")
  t.equal(email.subject, 'Re: Two questions')
})

t.test('a reply without text, or over 5000 characters, is a 422 with the message next to the field and what was typed; nothing is stored or sent', async (t) => {
  const { db, app } = await setup(t)
  const id = await sendMessage(app, db, 'chloe.bernard', 'Empty reply test')
  const thomas = await loginAsStaff(app, 'thomas.girard')
  await openMessage(thomas, id)
  const empty = await thomas.post(`/admin/inbox/${id}/reply`, { body: ' \u0000\n ', handled: 'yes' })
  t.equal(empty.statusCode, 422)
  t.match(empty.body, '<a href="#body">Write your reply</a>', 'in the error summary')
  t.match(empty.body, 'id="body-error"')
  const long = await thomas.post(`/admin/inbox/${id}/reply`, { body: `<b>${'x'.repeat(5000)}` })
  t.equal(long.statusCode, 422)
  t.match(long.body, 'The reply must be at most 5000 characters')
  t.match(long.body, '&lt;b&gt;xxx', 'kept, escaped')
  t.notMatch(long.body, 'id="handled" name="handled" value="yes" checked', 'the unticked box stays unticked')
  t.same(await db.selectFrom('contact_message_replies').select('id').execute(), [])
  t.same(await db.selectFrom('outbox').select('id').where('template', '=', 'account_manager_reply').execute(), [])
  t.equal((await db.selectFrom('contact_messages').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status, 'new')
})

t.test('a message is assigned only to staff whose roles open the inbox, or to nobody', async (t) => {
  const { db, app } = await setup(t)
  const id = await sendMessage(app, db, 'chloe.bernard', 'Assignment test')
  const thomas = await loginAsStaff(app, 'thomas.girard')
  const page = await openMessage(thomas, id)
  t.match(page.body, '<option value="marc.lefevre">Marc Lefèvre</option>')
  t.notMatch(page.body, '<option value="nadia.benali"', 'billing does not work on the inbox')
  for (const assignee of ['nadia.benali', 'chloe.bernard', 'nobody.at.all']) {
    const refused = await thomas.post(`/admin/inbox/${id}/assign`, { assignee })
    t.equal(refused.statusCode, 422, assignee)
    t.match(refused.body, 'Choose a staff member who works on the inbox, or nobody')
  }
  t.equal((await db.selectFrom('contact_messages').select('assigned_user_id').where('id', '=', id).executeTakeFirstOrThrow()).assigned_user_id, null)
  t.equal((await thomas.post(`/admin/inbox/${id}/assign`, { assignee: 'Sophie.Durand' })).statusCode, 303)
  t.equal((await db.selectFrom('contact_messages').select('assigned_user_id').where('id', '=', id).executeTakeFirstOrThrow()).assigned_user_id, await idOf(db, 'sophie.durand'))
  await openMessage(thomas, id)
  t.equal((await thomas.post(`/admin/inbox/${id}/assign`, { assignee: '' })).statusCode, 303)
  t.equal((await db.selectFrom('contact_messages').select('assigned_user_id').where('id', '=', id).executeTakeFirstOrThrow()).assigned_user_id, null)
  const audits = await db.selectFrom('audit_log').select(['action', 'details']).where('action', 'like', 'admin.message.%').orderBy('id').execute()
  t.same(audits.map((a) => [a.action, JSON.parse(a.details!)]), [
    ['admin.message.assigned', { message_id: id, before: null, after: 'sophie.durand' }],
    ['admin.message.unassigned', { message_id: id, before: 'sophie.durand', after: null }],
  ])
})

t.test('a message is marked handled and new again, each audited; another status is a 422', async (t) => {
  const { db, app } = await setup(t)
  const id = await sendMessage(app, db, 'chloe.bernard', 'Status test')
  const thomas = await loginAsStaff(app, 'thomas.girard')
  await openMessage(thomas, id)
  t.equal((await thomas.post(`/admin/inbox/${id}/status`, { status: 'handled' })).statusCode, 303)
  t.match((await openMessage(thomas, id)).body, 'The message is marked handled.')
  t.equal((await thomas.post(`/admin/inbox/${id}/status`, { status: 'new' })).statusCode, 303)
  const row = await db.selectFrom('contact_messages').select(['status', 'handled_at']).where('id', '=', id).executeTakeFirstOrThrow()
  t.same(row, { status: 'new', handled_at: null })
  await openMessage(thomas, id)
  const refused = await thomas.post(`/admin/inbox/${id}/status`, { status: 'deleted' })
  t.equal(refused.statusCode, 422)
  t.match(refused.body, 'Choose new or handled')
  t.same((await auditOf(db, 'admin.message.status_changed')).map((a) => JSON.parse(a.details!)), [
    { message_id: id, before: 'new', after: 'handled' },
    { message_id: id, before: 'handled', after: 'new' },
  ])
})

t.test('the inbox filters by status and assignment, newest first, 25 a page with the total count', async (t) => {
  const { db, app } = await setup(t)
  await insertMessages(db, 'emma.leroy', 30, (n) => `Bulk message ${n}`)
  const handled = await sendMessage(app, db, 'chloe.bernard', 'Already handled')
  await db.updateTable('contact_messages').set({ status: 'handled' }).where('id', '=', handled).execute()
  const marc = await loginAsStaff(app, 'marc.lefevre')
  const before = Number((await db.selectFrom('contact_messages').select((eb) => eb.fn.countAll().as('n')).where('status', '=', 'new').executeTakeFirstOrThrow()).n)
  const first = await marc.get('/admin/inbox?status=new&assigned=all')
  t.match(first.body, `<h2>${before} messages</h2>`)
  t.ok(first.body.indexOf('Bulk message 0<') < first.body.indexOf('Bulk message 1<'), 'newest first')
  t.notMatch(first.body, 'Already handled')
  t.match(first.body, 'href="/admin/inbox?status=new&amp;assigned=all&amp;kind=all&amp;page=2"')
  t.match((await marc.get('/admin/inbox?status=new&assigned=all&page=2')).body, 'Bulk message 29<')
  t.match((await marc.get('/admin/inbox?status=handled')).body, 'Already handled')
  t.match((await marc.get('/admin/inbox?status=all&assigned=unassigned')).body, 'Already handled')
  t.match((await marc.get('/admin/inbox?assigned=me')).body, 'Aucun message ne correspond à ces filtres.', 'none is his (page in French for marc)')
  t.match((await marc.get('/admin/inbox?status=bogus')).body, '<option value="new" selected>', 'an unknown filter is the default')
  t.equal((await marc.get('/admin/inbox?status=new&status=all')).statusCode, 400, 'a filter given twice')
})

t.test('account managers and support open the inbox; billing staff get 403; customers 404', async (t) => {
  const { db, app } = await setup(t)
  const id = await sendMessage(app, db, 'chloe.bernard', 'Access test')
  for (const login of ['marc.lefevre', 'thomas.girard', 'sophie.durand']) {
    const staff = await loginAsStaff(app, login)
    t.equal((await staff.get('/admin/inbox')).statusCode, 200, login)
    t.equal((await staff.get(`/admin/inbox/${id}`)).statusCode, 200, login)
  }
  const nadia = await loginAsStaff(app, 'nadia.benali')
  const refused = await nadia.get('/admin/inbox')
  t.equal(refused.statusCode, 403)
  t.match(refused.body, 'Administrator, Account manager, Support')
  t.equal((await nadia.post(`/admin/inbox/${id}/reply`, { body: 'Not my job' })).statusCode, 403)
  t.same(await db.selectFrom('contact_message_replies').select('id').execute(), [])
  const chloe = await loginAs(app, 'chloe.bernard')
  t.equal((await chloe.get(`/admin/inbox/${id}`)).statusCode, 404)
})

t.test('a message id that is not a plain number, or no message, is a 404 for the page and the forms', async (t) => {
  const { app } = await setup(t)
  const thomas = await loginAsStaff(app, 'thomas.girard')
  for (const id of ['999999', '0', '-1', '1.5', '1e3', 'abc', '%00', '9'.repeat(30)]) {
    t.equal((await thomas.get(`/admin/inbox/${id}`)).statusCode, 404, id)
  }
  await thomas.get('/admin/inbox')
  t.equal((await thomas.post('/admin/inbox/999999/status', { status: 'handled' })).statusCode, 404)
})

t.test('the demo inbox has new messages, one assigned, and one answered and handled', async (t) => {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  const count = async () => Number((await db.selectFrom('contact_messages').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
  const before = await count()
  await db.transaction().execute((trx) => seedDemoInbox(trx))
  t.equal(await count() - before, DEMO_MESSAGES.length)
  const answered = await db.selectFrom('contact_messages').innerJoin('contact_message_replies', 'contact_message_replies.message_id', 'contact_messages.id')
    .select(['contact_messages.status', 'contact_messages.assigned_user_id']).executeTakeFirstOrThrow()
  t.equal(answered.status, 'handled')
  t.ok(answered.assigned_user_id)
  const app = await buildTestApp(t, { db })
  const marc = await loginAsStaff(app, 'marc.lefevre')
  const inbox = await marc.get('/admin/inbox')
  for (const demo of DEMO_MESSAGES.filter((m) => !m.reply)) t.match(inbox.body, demo.subject)
})

/** A Need help row as the forms write it (the forms themselves: test/features/help.test.ts). */
async function insertHelpRow(db: DB, login: string, fields: { kind: 'advisor' | 'callback'; subject: string; callbackAt?: string; createdAt?: string; status?: 'new' | 'handled' }) {
  const user = await db.selectFrom('users').select(['id', 'company_id']).where('login', '=', login).executeTakeFirstOrThrow()
  const contract = await db.selectFrom('contracts').select('id').where('code', '=', 'OCB0000302').executeTakeFirstOrThrow()
  const row = await db.insertInto('contact_messages').values({
    kind: fields.kind, user_id: user.id, company_id: user.company_id, contract_id: contract.id, to_address: 'manager@provider.example',
    subject: fields.subject, message: fields.kind === 'advisor' ? 'Please help' : '', phone: fields.kind === 'callback' ? '+33 6 00 00 00 01' : null,
    callback_at: fields.callbackAt ?? null, status: fields.status ?? 'new', created_at: fields.createdAt ?? new Date().toISOString(),
  }).returning('id').executeTakeFirstOrThrow()
  return row.id
}

t.test('the inbox shows each message’s kind and contract, and filters by kind', async (t) => {
  const { db, app } = await setup(t)
  await sendMessage(app, db, 'chloe.bernard', 'From my company page')
  await insertHelpRow(db, 'julien.blanc', { kind: 'advisor', subject: 'Advisor question' })
  await insertHelpRow(db, 'julien.blanc', { kind: 'callback', subject: 'Call me please', callbackAt: '2030-01-07T09:00:00.000Z' })
  const thomas = await loginAsStaff(app, 'thomas.girard')
  const all = await thomas.get('/admin/inbox')
  t.match(all.body, /<span class="badge badge--transmitted">Advisor<\/span><\/td>\s*<td data-label="Subject"><a href="\/admin\/inbox\/\d+">Advisor question<\/a>/)
  t.match(all.body, '<a href="/admin/contracts/OCB0000302">Rivage Virtual Desktops</a> (OCB0000302)')
  t.match(all.body, 'Call +33 6 00 00 00 01 on 7 Jan 2030, 10:00', 'the slot in Paris time')
  const callbacks = await thomas.get('/admin/inbox?kind=callback')
  t.match(callbacks.body, 'Call me please')
  t.notMatch(callbacks.body, 'Advisor question')
  t.notMatch(callbacks.body, 'From my company page')
  t.match((await thomas.get('/admin/inbox?kind=message')).body, 'From my company page')
  t.match((await thomas.get('/admin/inbox?kind=nonsense')).body, 'Advisor question', 'an unknown kind is every kind')
})

t.test('the calls still to make come first, soonest first, before newer messages; a call made drops back among the others', async (t) => {
  const { db, app } = await setup(t)
  const later = await insertHelpRow(db, 'julien.blanc', { kind: 'callback', subject: 'Later call', callbackAt: '2030-01-08T09:00:00.000Z', createdAt: '2026-01-01T08:00:00.000Z' })
  await insertHelpRow(db, 'julien.blanc', { kind: 'callback', subject: 'Sooner call', callbackAt: '2030-01-07T09:00:00.000Z', createdAt: '2026-01-01T07:00:00.000Z' })
  await insertHelpRow(db, 'julien.blanc', { kind: 'advisor', subject: 'Newest advisor message' })
  const sophie = await loginAsStaff(app, 'sophie.durand')
  const order = (body: string) => ['Sooner call', 'Later call', 'Newest advisor message'].map((subject) => body.indexOf(`>${subject}</a>`))
  const [sooner, laterAt, newest] = order((await sophie.get('/admin/inbox?status=all')).body)
  t.ok(sooner! > 0 && sooner! < laterAt! && laterAt! < newest!, 'sooner call, later call, then the newest message')
  await sophie.get(`/admin/inbox/${later}`)
  t.equal((await sophie.post(`/admin/inbox/${later}/status`, { status: 'handled' })).statusCode, 303)
  t.equal((await db.selectFrom('contact_messages').select('status').where('id', '=', later).executeTakeFirstOrThrow()).status, 'handled')
  const [, laterNow, newestNow] = order((await sophie.get('/admin/inbox?status=all')).body)
  t.ok(newestNow! < laterNow!, 'the call made is no longer ahead of the newest message')
})

t.test('a call back’s page shows the number, the slot in Paris time and the contract, and can be assigned and marked called', async (t) => {
  const { db, app } = await setup(t)
  const id = await insertHelpRow(db, 'julien.blanc', { kind: 'callback', subject: 'VDI licences', callbackAt: '2030-06-03T13:00:00.000Z' })
  const marc = await loginAsStaff(app, 'marc.lefevre')
  const page = await marc.get(`/admin/inbox/${id}`)
  t.equal(page.statusCode, 200)
  t.match(page.body, '<dd>+33 6 00 00 00 01</dd>')
  t.match(page.body, '3 juin 2030, 15:00', 'Paris summer time, in marc’s French')
  t.match(page.body, 'Appel passé : marquer traité')
  t.notMatch(page.body, '<blockquote class="message-text"></blockquote>', 'no empty quote for a call back')
  t.equal((await marc.post(`/admin/inbox/${id}/assign`, { assignee: 'marc.lefevre' })).statusCode, 303)
  await marc.get(`/admin/inbox/${id}`)
  t.equal((await marc.post(`/admin/inbox/${id}/status`, { status: 'handled' })).statusCode, 303)
  t.match(await db.selectFrom('contact_messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow(), { status: 'handled', assigned_user_id: await idOf(db, 'marc.lefevre') })
  t.equal((await auditOf(db, 'admin.message.status_changed')).length, 1)
})
