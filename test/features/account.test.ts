import t, { type Test } from 'tap'
import { buildTestApp, freshDatabase } from '../helpers/app.js'
import { DEMO_PASSWORD, loginAs, seedPersonas } from '../helpers/personas.js'
import { isPhoneNumber } from '../../src/features/account/contact.form.js'

async function setup(t: Test) {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  return { db, app: await buildTestApp(t, { db, config: { loginRateLimitPerIp: 1000, loginRateLimitPerLogin: 1000 } }) }
}

t.test('My account shows personal information, contact information, company and security', async (t) => {
  const { app } = await setup(t)
  const client = await loginAs(app, 'emma.leroy')
  const page = await client.get('/account')
  t.equal(page.statusCode, 200)
  for (const text of ['My personal information', 'emma.leroy', 'emma.leroy@lumiere.example', '+33 6 22 10 20 30', 'Atelier Lumière SAS', 'Two-factor authentication is off']) t.match(page.body, text)
})

t.test('changing the password needs the current one, ends the other sessions and sends an email', async (t) => {
  const { db, app } = await setup(t)
  const other = await loginAs(app, 'emma.leroy')
  const client = await loginAs(app, 'emma.leroy')
  await client.get('/account/password')
  const wrong = await client.post('/account/password', { current_password: 'Wrong#Pass1', new_password: 'Nouveau#Pass26', confirm_password: 'Nouveau#Pass26' })
  t.equal(wrong.statusCode, 422)
  t.match(wrong.body, 'This is not your current password')
  t.notMatch(wrong.body, 'Nouveau#Pass26', 'passwords are never sent back')
  const same = await client.post('/account/password', { current_password: DEMO_PASSWORD, new_password: DEMO_PASSWORD, confirm_password: DEMO_PASSWORD })
  t.match(same.body, 'Choose a password different from your current one')
  const ok = await client.post('/account/password', { current_password: DEMO_PASSWORD, new_password: 'Nouveau#Pass26', confirm_password: 'Nouveau#Pass26' })
  t.equal(ok.statusCode, 303)
  t.match((await client.get('/account')).body, 'Your password is changed (security: strong)')
  t.equal((await other.get('/')).statusCode, 302, 'the other session is over')
  const email = await db.selectFrom('outbox').select(['template', 'to_address']).executeTakeFirstOrThrow()
  t.same(email, { template: 'password_changed', to_address: 'emma.leroy@lumiere.example' })
  t.ok(await loginAs(app, 'emma.leroy', 'Nouveau#Pass26'))
})

t.test('contact information is validated, kept on error and saved', async (t) => {
  const { db, app } = await setup(t)
  const client = await loginAs(app, 'emma.leroy')
  await client.get('/account/contact')
  const bad = await client.post('/account/contact', { title: 'dr', email: 'not-an-email', phone: '12', landline: '' })
  t.equal(bad.statusCode, 422)
  for (const message of ['Choose Mr or Mrs', 'Enter an email address like name@example.com', 'Enter a phone number like +33 1 85 14 93 56']) t.match(bad.body, message)
  t.match(bad.body, 'value="not-an-email"')
  const taken = await client.post('/account/contact', { title: 'mrs', email: 'alice.martin@hexagone.example', phone: '+33 1 85 14 93 56' })
  t.match(taken.body, 'This email address is already used by another account')
  const saved = await client.post('/account/contact', { title: 'mrs', email: 'Emma.Leroy@Lumiere.example', phone: '+33 1 85 14 93 56', landline: '05 56 00 00 00' })
  t.equal(saved.statusCode, 303)
  const user = await db.selectFrom('users').select(['email', 'phone_mobile', 'phone_landline']).where('login', '=', 'emma.leroy').executeTakeFirstOrThrow()
  t.same(user, { email: 'emma.leroy@lumiere.example', phone_mobile: '+33 1 85 14 93 56', phone_landline: '05 56 00 00 00' })
})

t.test('phone numbers: international or French national format', async (t) => {
  for (const good of ['+33 1 85 14 93 56', '+33185149356', '01 85 14 93 56', '+44 20 7946 0958', '+1 (555) 010-0199']) t.ok(isPhoneNumber(good), good)
  for (const bad of ['12', 'phone', '+0 12 34', '1234567890123456789012345', '+33 1 85 14 93 56 ext 2']) t.notOk(isPhoneNumber(bad), bad)
})

t.test('a message to the web account manager is emailed and kept for staff', async (t) => {
  const { db, app } = await setup(t)
  const client = await loginAs(app, 'emma.leroy')
  const page = await client.get('/account/company')
  t.match(page.body, 'Olivier Ndiaye')
  const empty = await client.post('/account/company/contact', { subject: '', message: '' })
  t.equal(empty.statusCode, 422)
  t.match(empty.body, 'Enter a subject')
  const sent = await client.post('/account/company/contact', { subject: 'Renewal', message: 'Can we talk about <b>renewal</b>?' })
  t.equal(sent.statusCode, 303)
  t.match((await client.get('/account/company')).body, 'Your message was sent to Olivier Ndiaye')
  const kept = await db.selectFrom('contact_messages').select(['subject', 'to_address']).executeTakeFirstOrThrow()
  t.same(kept, { subject: 'Renewal', to_address: 'olivier.ndiaye@provider.example' })
  const email = await db.selectFrom('outbox').select(['template', 'html_body']).executeTakeFirstOrThrow()
  t.equal(email.template, 'account_manager_contact')
  t.notMatch(email.html_body, '<b>renewal</b>', 'the message is escaped in the HTML email')
})

t.test('a user without a company is told so, and cannot post a message', async (t) => {
  const { db, app } = await setup(t)
  const client = await loginAs(app, 'thomas.girard')
  t.match((await client.get('/account/company')).body, 'Your account is not attached to a company')
  const refused = await client.post('/account/company/contact', { subject: 'x', message: 'y' })
  t.equal(refused.statusCode, 422)
  t.equal((await db.selectFrom('contact_messages').select('id').execute()).length, 0)
})
