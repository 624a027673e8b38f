// What a request's author (and an order's referent) hears when staff act on
// it: one in-app notification and one email in their own language per status
// change or reply, none for an internal note, no email when they turned
// emails of that kind off; and such an email really goes out over SMTP.
import t, { type Test } from 'tap'
import { buildTestApp, freshDatabase } from '../helpers/app.js'
import type { Client } from '../helpers/client.js'
import { createRequest } from '../helpers/factories.js'
import { postMultipart } from '../helpers/multipart.js'
import { loginAsStaff, seedPersonas } from '../helpers/personas.js'
import { startSmtpServer } from '../helpers/smtp.js'
import type { DB } from '../../src/db/database.js'
import type { RequestStatus, RequestType } from '../../src/features/requests/request-types.js'
import { requestNumber } from '../../src/features/requests/request-number.js'
import { deliverDueEmails } from '../../src/jobs/mail-delivery.js'
import { smtpTransport } from '../../src/mail/transport.js'

async function setup(t: Test) {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  const app = await buildTestApp(t, { db, config: { loginRateLimitPerIp: 10_000 } })
  return { db, app, thomas: await loginAsStaff(app, 'thomas.girard') }
}

const idOf = async (db: DB, login: string) => (await db.selectFrom('users').select('id').where('login', '=', login).executeTakeFirstOrThrow()).id

async function aRequest(db: DB, author: string, contract: string, fields: { type?: RequestType; status?: RequestStatus; title?: string } = {}) {
  const contractRow = await db.selectFrom('contracts').select('id').where('code', '=', contract).executeTakeFirstOrThrow()
  const id = await createRequest(db, { contractId: contractRow.id, authorId: await idOf(db, author), type: fields.type ?? 'incident', status: fields.status, title: fields.title ?? 'VPN down' })
  return requestNumber(id)
}

/** What the staff actions wrote for people: request notifications and request emails. */
async function told(db: DB) {
  const notifications = await db.selectFrom('notifications').innerJoin('users', 'users.id', 'notifications.user_id')
    .select(['users.login', 'notifications.kind', 'notifications.params', 'notifications.link'])
    .where('notifications.kind', 'in', ['request_status_changed', 'request_reply']).orderBy('notifications.id').execute()
  const emails = await db.selectFrom('outbox').select(['to_address', 'locale', 'template', 'subject', 'text_body'])
    .where('template', 'in', ['request_status', 'request_reply']).orderBy('id').execute()
  return { notifications: notifications.map((row) => ({ ...row, params: JSON.parse(row.params ?? '{}') as Record<string, string> })), emails }
}

async function move(staff: Client, number: string, status: RequestStatus, reason = '') {
  await staff.get(`/admin/requests/${number}`)
  const answer = await staff.post(`/admin/requests/${number}/status`, { status, reason })
  if (answer.statusCode !== 303) throw new Error(`status not changed: ${answer.statusCode}`)
}

async function comment(staff: Client, number: string, body: string, visibility: 'customer' | 'internal') {
  await staff.get(`/admin/requests/${number}`)
  const answer = await postMultipart(staff, `/admin/requests/${number}/comments`, { body, visibility })
  if (answer.statusCode !== 303) throw new Error(`comment not added: ${answer.statusCode}`)
}

t.test('each status change tells a French author once in the app and once by email, in French', async (t) => {
  const { db, thomas } = await setup(t)
  const number = await aRequest(db, 'alice.martin', 'OCB0000101', { title: 'Latence' })
  await move(thomas, number, 'in_progress')
  await move(thomas, number, 'completed')
  const { notifications, emails } = await told(db)
  t.same(notifications.map((n) => [n.login, n.params.status]), [['alice.martin', 'En cours'], ['alice.martin', 'Terminée']], 'one per change')
  t.equal(notifications[0]!.link, `/requests/${number}`)
  t.equal(emails.length, 2)
  t.match(emails[0], { locale: 'fr', template: 'request_status', subject: `${number} en cours : Latence` })
  t.match(emails[0]!.to_address, 'alice')
  t.match(emails[1]!.text_body, `Votre demande ${number} « Latence »`)
  t.match(emails[1]!.text_body, `/requests/${number}`)
})

t.test('a rejection tells an English author why, in English', async (t) => {
  const { db, thomas } = await setup(t)
  const number = await aRequest(db, 'chloe.bernard', 'OCB0000101')
  await move(thomas, number, 'rejected', 'This is handled by your own network team.')
  const { notifications, emails } = await told(db)
  t.same(notifications.map((n) => [n.login, n.kind, n.params.status]), [['chloe.bernard', 'request_status_changed', 'Rejected']])
  t.equal(emails.length, 1)
  t.match(emails[0], { locale: 'en', subject: `${number} is rejected: VPN down` })
  t.match(emails[0]!.text_body, '> This is handled by your own network team.')
})

t.test('a reply to the customer tells the author once in the app and by email, quoting the reply', async (t) => {
  const { db, thomas } = await setup(t)
  const number = await aRequest(db, 'chloe.bernard', 'OCB0000101')
  await comment(thomas, number, 'Please restart the VPN gateway.', 'customer')
  const { notifications, emails } = await told(db)
  t.same(notifications.map((n) => [n.login, n.kind]), [['chloe.bernard', 'request_reply']])
  t.equal(emails.length, 1)
  t.match(emails[0], { locale: 'en', template: 'request_reply', subject: `New reply on ${number}: VPN down` })
  t.match(emails[0]!.text_body, 'Thomas Girard of our support team replied')
  t.match(emails[0]!.text_body, '> Please restart the VPN gateway.')
})

t.test('an internal note tells nobody', async (t) => {
  const { db, thomas } = await setup(t)
  const number = await aRequest(db, 'chloe.bernard', 'OCB0000101')
  await comment(thomas, number, 'Gateway firmware is outdated', 'internal')
  t.same(await told(db), { notifications: [], emails: [] })
})

t.test('an order\'s status change tells its author and the contract\'s referent, each in their language', async (t) => {
  const { db, thomas } = await setup(t)
  const number = await aRequest(db, 'chloe.bernard', 'OCB0000101', { type: 'order', title: 'Two more VMs' })
  await move(thomas, number, 'in_progress')
  const { notifications, emails } = await told(db)
  t.same(notifications.map((n) => [n.login, n.params.status]).sort(), [['alice.martin', 'En cours'], ['chloe.bernard', 'In progress']])
  t.same(emails.map((e) => e.locale).sort(), ['en', 'fr'])
})

t.test('an order placed by the referent tells them once, not twice', async (t) => {
  const { db, thomas } = await setup(t)
  const number = await aRequest(db, 'alice.martin', 'OCB0000101', { type: 'order' })
  await comment(thomas, number, 'Delivered tomorrow.', 'customer')
  const { notifications, emails } = await told(db)
  t.equal(notifications.length, 1)
  t.equal(emails.length, 1)
})

t.test('an author who turned these emails off gets the in-app notification and no email', async (t) => {
  const { db, thomas } = await setup(t)
  const chloe = await idOf(db, 'chloe.bernard')
  await db.insertInto('notification_preferences').values([
    { user_id: chloe, kind: 'request_status_changed', channel: 'email', enabled: 0 },
    { user_id: chloe, kind: 'request_reply', channel: 'email', enabled: 0 },
  ]).execute()
  const number = await aRequest(db, 'chloe.bernard', 'OCB0000101')
  await move(thomas, number, 'in_progress')
  await comment(thomas, number, 'Looking at it.', 'customer')
  const { notifications, emails } = await told(db)
  t.same(notifications.map((n) => n.kind), ['request_status_changed', 'request_reply'])
  t.same(emails, [])
})

t.test('a status email really goes out over SMTP to the author, in their language', async (t) => {
  const { db, thomas } = await setup(t)
  const number = await aRequest(db, 'alice.martin', 'OCB0000101', { title: 'Sauvegardes' })
  await move(thomas, number, 'in_progress')
  // Only this email is due: the seed's own emails are sent first, out of the way.
  await db.updateTable('outbox').set({ status: 'sent' }).where('template', 'not in', ['request_status']).execute()
  const smtp = await startSmtpServer(t)
  const report = await deliverDueEmails(db, smtpTransport(smtp.url), { holder: 'test-worker', from: 'Cloud Customer Space <no-reply@portal.example>' })
  t.equal(report.sent, 1)
  const [email] = smtp.received
  t.match(email!.recipients[0], 'alice')
  t.equal(email!.subject, `${number} en cours : Sauvegardes`)
  t.match(email!.text, 'Bonjour Alice')
  t.match(email!.html, '<html lang="fr">')
  t.match(email!.html, `/requests/${number}"`)
})

t.test('an author who lost access to the contract hears nothing of a status change or a reply; one whose support role was lowered to none still does (they opened it)', async (t) => {
  const { db, thomas } = await setup(t)
  const chloe = await idOf(db, 'chloe.bernard')
  const contract = await db.selectFrom('contracts').select('id').where('code', '=', 'OCB0000101').executeTakeFirstOrThrow()
  const number = await aRequest(db, 'chloe.bernard', 'OCB0000101')
  await db.updateTable('contract_roles').set({ role: 'none' }).where('user_id', '=', chloe).where('contract_id', '=', contract.id).where('section', '=', 'support').execute()
  await move(thomas, number, 'in_progress')
  t.same((await told(db)).notifications.map((n) => n.login), ['chloe.bernard'], 'still the author of a request on a contract she holds')
  await db.deleteFrom('contract_roles').where('user_id', '=', chloe).where('contract_id', '=', contract.id).execute()
  await comment(thomas, number, 'Please restart the VPN gateway.', 'customer')
  await move(thomas, number, 'completed')
  const { notifications, emails } = await told(db)
  t.equal(notifications.length, 1, 'nothing more in the app')
  t.equal(emails.length, 1, 'nor by email: the reply is in no email')
  t.notMatch(emails.map((e) => e.text_body).join('\n'), 'restart the VPN gateway')
})

t.test('an author without two factors on a contract whose referent requires them hears nothing', async (t) => {
  const { db, thomas } = await setup(t)
  const number = await aRequest(db, 'chloe.bernard', 'OCB0000101')
  await db.updateTable('contracts').set({ require_totp: 1 }).where('code', '=', 'OCB0000101').execute()
  await move(thomas, number, 'in_progress')
  await comment(thomas, number, 'Please restart the VPN gateway.', 'customer')
  t.same(await told(db), { notifications: [], emails: [] })
})
