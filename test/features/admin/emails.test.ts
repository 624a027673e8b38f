// The back-office's email log: the outbox with its delivery state, one
// email's text (password links masked), "retry now" for one email or every
// failed one, against the real delivery job and a real SMTP server.
import t, { type Test } from 'tap'
import { buildTestApp, freshDatabase } from '../../helpers/app.js'
import { loginAs, loginAsStaff, seedPersonas } from '../../helpers/personas.js'
import { startSmtpServer } from '../../helpers/smtp.js'
import type { DB } from '../../../src/db/database.js'
import { deliverDueEmails, MAX_ATTEMPTS, RETRY_DELAYS_MS } from '../../../src/jobs/mail-delivery.js'
import { queueEmail, type QueuedEmail } from '../../../src/mail/outbox.js'
import { smtpTransport } from '../../../src/mail/transport.js'

const FROM = 'Cloud Customer Space <no-reply@portal.example>'

function resetEmail(to: string, token = 'SECRET-token_123'): QueuedEmail {
  return { to, locale: 'en', template: 'password_reset', data: { firstName: 'Alice', link: `https://portal.example/password/reset/${token}`, expiresInMinutes: 60 } }
}

async function setup(t: Test) {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  const app = await buildTestApp(t, { db })
  const smtp = await startSmtpServer(t)
  const transport = smtpTransport(smtp.url)
  t.teardown(() => transport.close())
  const deliver = (now?: Date) => deliverDueEmails(db, transport, { holder: 'test-worker', from: FROM, ...(now ? { now: () => now } : {}) })
  return { db, app, smtp, deliver }
}

const rowOf = (db: DB, to: string) => db.selectFrom('outbox').selectAll().where('to_address', '=', to).executeTakeFirstOrThrow()

/** Queues an email the SMTP server refuses until the job gives up on it: failed, after every attempt. */
async function failedEmail(db: DB, smtp: { refuseNext: number }, deliver: (now?: Date) => Promise<unknown>, to: string) {
  await queueEmail(db, resetEmail(to))
  smtp.refuseNext = Infinity
  let at = Date.now()
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    await deliver(new Date(at))
    at += (RETRY_DELAYS_MS[attempt] ?? 0) + 1000
  }
  smtp.refuseNext = 0
  return rowOf(db, to)
}

/** The recipients of the table's rows, in page order. */
const recipientsShown = (html: string) => [...html.matchAll(/<a href="\/admin\/emails\/\d+">([^<]+)<\/a>/g)].map((match) => match[1])

t.test('support and admin open the email log; billing and account_manager staff get 403, a customer 404', async (t) => {
  const { app } = await setup(t)
  for (const login of ['thomas.girard', 'sophie.durand']) t.equal((await (await loginAsStaff(app, login)).get('/admin/emails')).statusCode, 200, login)
  for (const login of ['nadia.benali', 'marc.lefevre']) t.equal((await (await loginAsStaff(app, login)).get('/admin/emails')).statusCode, 403, login)
  t.equal((await (await loginAs(app, 'alice.martin')).get('/admin/emails')).statusCode, 404)
})

t.test('the log lists queued, sent and failed emails from the real outbox, newest first, filtered by status and address', async (t) => {
  const { db, app, smtp, deliver } = await setup(t)
  await failedEmail(db, smtp, deliver, 'failed@client.example')
  await queueEmail(db, resetEmail('sent@client.example'))
  await deliver()
  await queueEmail(db, resetEmail('queued@client.example'))
  const thomas = await loginAsStaff(app, 'thomas.girard')
  const all = await thomas.get('/admin/emails')
  t.same(recipientsShown(all.body), ['queued@client.example', 'sent@client.example', 'failed@client.example'])
  t.match(all.body, '3 emails')
  t.match(all.body, '<span class="badge badge--pending">Queued</span>')
  t.match(all.body, /<span class="badge badge--failed">Failed<\/span><\/td>\s*<td data-label="Attempts">6<\/td>/)
  t.match(all.body, '451 mailbox busy', 'the last error is shown')
  t.same(recipientsShown((await thomas.get('/admin/emails?status=failed')).body), ['failed@client.example'])
  t.same(recipientsShown((await thomas.get('/admin/emails?status=pending')).body), ['queued@client.example'])
  t.same(recipientsShown((await thomas.get('/admin/emails?status=sent')).body), ['sent@client.example'])
  t.same(recipientsShown((await thomas.get('/admin/emails?q=SENT%40')).body), ['sent@client.example'], 'the address search ignores case')
  t.same(recipientsShown((await thomas.get('/admin/emails?q=%25')).body), [], 'a % is a character, not a wildcard')
})

t.test('an unknown status answers 422 with a message on the status field', async (t) => {
  const { app } = await setup(t)
  const page = await (await loginAsStaff(app, 'thomas.girard')).get('/admin/emails?status=bounced')
  t.equal(page.statusCode, 422)
  t.match(page.body, /id="status-error">.*Choose a status from the list/s)
  t.match(page.body, '<a href="#status">')
})

t.test('an email page shows its text as preformatted text with the token of password links masked, never its HTML', async (t) => {
  const { db, app } = await setup(t)
  await queueEmail(db, resetEmail('alice@client.example'))
  const row = await rowOf(db, 'alice@client.example')
  const page = await (await loginAsStaff(app, 'thomas.girard')).get(`/admin/emails/${row.id}`)
  t.equal(page.statusCode, 200)
  t.match(page.body, /<pre class="mail-body">Hello Alice,/)
  t.match(page.body, 'https://portal.example/password/reset/…')
  t.notMatch(page.body, 'SECRET-token_123', 'the token is never shown')
  t.notMatch(page.body, 'href="https://portal.example/password/reset', 'the stored HTML body (its button link) is not rendered')
  t.match(row.html_body, 'SECRET-token_123', 'while the stored email keeps it')
})

t.test('an email id that is not a plain number, or names no email, is a 404', async (t) => {
  const { app } = await setup(t)
  const thomas = await loginAsStaff(app, 'thomas.girard')
  for (const id of ['abc', '0', '-1', '1.5', '999999', '1%20OR%201=1']) t.equal((await thomas.get(`/admin/emails/${id}`)).statusCode, 404, id)
})

t.test('retry now makes a failed email due again (attempts kept), audited, and the delivery job then sends it', async (t) => {
  const { db, app, smtp, deliver } = await setup(t)
  const failed = await failedEmail(db, smtp, deliver, 'failed@client.example')
  t.equal(failed.status, 'failed')
  const thomas = await loginAsStaff(app, 'thomas.girard')
  await thomas.get(`/admin/emails/${failed.id}`)
  const response = await thomas.post(`/admin/emails/${failed.id}/retry`)
  t.equal(response.statusCode, 303)
  t.equal(response.headers.location, `/admin/emails/${failed.id}`)
  const due = await rowOf(db, 'failed@client.example')
  t.equal(due.status, 'pending')
  t.equal(due.attempts, MAX_ATTEMPTS)
  t.ok(Date.parse(due.next_attempt_at) <= Date.now(), 'due now')
  const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'admin.email.retried').executeTakeFirstOrThrow()
  t.equal(audit.actor_user_id, (await db.selectFrom('users').select('id').where('login', '=', 'thomas.girard').executeTakeFirstOrThrow()).id)
  t.match(JSON.parse(audit.details!), { email_id: failed.id, to: 'failed@client.example', previous_status: 'failed' })
  t.match((await thomas.get(`/admin/emails/${failed.id}`)).body, 'The email will be sent again within a few seconds.')

  t.same(await deliver(), { sent: 1, failed: 0, retried: 0 })
  t.same(smtp.received.map((email) => email.recipients), [['failed@client.example']])
  t.equal((await rowOf(db, 'failed@client.example')).status, 'sent')
})

t.test('a retried failed email that fails again is failed again after that one attempt', async (t) => {
  const { db, app, smtp, deliver } = await setup(t)
  const failed = await failedEmail(db, smtp, deliver, 'failed@client.example')
  const thomas = await loginAsStaff(app, 'thomas.girard')
  await thomas.get(`/admin/emails/${failed.id}`)
  await thomas.post(`/admin/emails/${failed.id}/retry`)
  smtp.refuseNext = 1
  t.same(await deliver(), { sent: 0, failed: 1, retried: 0 })
  const row = await rowOf(db, 'failed@client.example')
  t.same([row.status, row.attempts], ['failed', MAX_ATTEMPTS + 1])
})

t.test('retry now of a queued email makes it due now', async (t) => {
  const { db, app } = await setup(t)
  await queueEmail(db, resetEmail('late@client.example'))
  const later = new Date(Date.now() + 3_600_000).toISOString()
  await db.updateTable('outbox').set({ next_attempt_at: later, attempts: 2 }).execute()
  const { id } = await rowOf(db, 'late@client.example')
  const thomas = await loginAsStaff(app, 'thomas.girard')
  await thomas.get(`/admin/emails/${id}`)
  t.equal((await thomas.post(`/admin/emails/${id}/retry`)).statusCode, 303)
  const row = await rowOf(db, 'late@client.example')
  t.ok(row.next_attempt_at < later, 'brought forward')
  t.same([row.status, row.attempts], ['pending', 2])
})

t.test('retry now of a sent email is refused with 422 and sends nothing again', async (t) => {
  const { db, app, smtp, deliver } = await setup(t)
  await queueEmail(db, resetEmail('sent@client.example'))
  await deliver()
  const sent = await rowOf(db, 'sent@client.example')
  const thomas = await loginAsStaff(app, 'thomas.girard')
  const page = await thomas.get(`/admin/emails/${sent.id}`)
  t.notMatch(page.body, `action="/admin/emails/${sent.id}/retry"`, 'no retry button on a sent email')
  await thomas.get('/admin/emails')
  const response = await thomas.post(`/admin/emails/${sent.id}/retry`)
  t.equal(response.statusCode, 422)
  t.match(response.body, 'This email has already been sent: it is not sent twice.')
  t.same(await rowOf(db, 'sent@client.example'), sent, 'the row is unchanged')
  t.equal(await db.selectFrom('audit_log').select('id').where('action', 'like', 'admin.email.%').executeTakeFirst(), undefined, 'nothing audited')
  t.same(await deliver(), { sent: 0, failed: 0, retried: 0 })
  t.equal(smtp.received.length, 1)
})

t.test('retry every failed email makes them all due, audited once with the count', async (t) => {
  const { db, app, smtp, deliver } = await setup(t)
  await failedEmail(db, smtp, deliver, 'one@client.example')
  await failedEmail(db, smtp, deliver, 'two@client.example')
  await queueEmail(db, resetEmail('sent@client.example'))
  await deliver()
  const thomas = await loginAsStaff(app, 'thomas.girard')
  const list = await thomas.get('/admin/emails')
  t.match(list.body, '2 emails failed after every attempt.')
  const response = await thomas.post('/admin/emails/retry-failed')
  t.equal(response.statusCode, 303)
  t.equal(response.headers.location, '/admin/emails?status=pending')
  const rows = await db.selectFrom('outbox').select(['to_address', 'status']).orderBy('id').execute()
  t.same(rows, [{ to_address: 'one@client.example', status: 'pending' }, { to_address: 'two@client.example', status: 'pending' }, { to_address: 'sent@client.example', status: 'sent' }])
  const audits = await db.selectFrom('audit_log').select(['action', 'details']).where('action', 'like', 'admin.email.%').execute()
  t.same(audits, [{ action: 'admin.email.retried_all_failed', details: '{"count":2}' }])
  t.match((await thomas.get('/admin/emails?status=pending')).body, '2 failed emails will be sent again within a few seconds.')
  t.same(await deliver(), { sent: 2, failed: 0, retried: 0 })
})

t.test('with no failed email, retry-failed writes nothing and says so', async (t) => {
  const { db, app } = await setup(t)
  const thomas = await loginAsStaff(app, 'thomas.girard')
  await thomas.get('/admin/emails')
  const response = await thomas.post('/admin/emails/retry-failed')
  t.equal(response.headers.location, '/admin/emails?status=failed')
  t.match((await thomas.get('/admin/emails?status=failed')).body, 'No email has failed: there is nothing to retry.')
  t.equal((await db.selectFrom('audit_log').select('id').where('action', 'like', 'admin.email.%').execute()).length, 0)
})

t.test('the dashboard\'s links to failed and late emails open the filtered log', async (t) => {
  const { app } = await setup(t)
  const thomas = await loginAsStaff(app, 'thomas.girard')
  const dashboard = await thomas.get('/admin')
  for (const href of ['/admin/emails?status=failed', '/admin/emails?status=pending']) {
    t.match(dashboard.body, `href="${href}"`)
    t.equal((await thomas.get(href)).statusCode, 200, href)
  }
})
