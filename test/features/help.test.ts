// Need help: the contract's support level and contacts, "Create a request"
// for support visitors only, a customer advisor by email, a call back at a
// business-hours slot; both land in the back-office inbox.
import t, { type Test } from 'tap'
import { buildTestApp, freshDatabase } from '../helpers/app.js'
import { loginAs, loginAsStaff, seedPersonas } from '../helpers/personas.js'
import { createCompany, createContract, createUser, grantRoles } from '../helpers/factories.js'
import type { DB } from '../../src/db/database.js'
import { parisDay } from '../../src/lib/paris-calendar.js'
import { callbackSlots, checkSlot, frenchHolidays, isBusinessDay, parisTimeToUtc } from '../../src/features/help/business-hours.js'
import { isPhoneNumber } from '../../src/features/help/callback.form.js'

async function setup(t: Test) {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  return { db, app: await buildTestApp(t, { db }) }
}

const messages = (db: DB) => db.selectFrom('contact_messages').selectAll().orderBy('id').execute()
const outbox = (db: DB) => db.selectFrom('outbox').selectAll().execute()

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

/** The first day from `from` (step +1 or -1) that passes `test`. */
function dayFrom(from: string, step: 1 | -1, test: (day: string) => boolean): string {
  let day = from
  while (!test(day)) day = addDays(day, step)
  return day
}

t.test('a Gold Cloud Avenue contract shows the spec 002 table with P1 in 4 h, its service desk and the experts’ contact', async (t) => {
  const { app } = await setup(t)
  const helene = await loginAs(app, 'helene.fabre')
  const page = await helene.get('/help?contract=OCB0000302')
  t.equal(page.statusCode, 200)
  t.match(page.body, 'Niveau de support de ce contrat : Gold.')
  t.match(page.body, 'GTR d’un ticket P1')
  t.match(page.body, '<li>P1 en 4 h</li>')
  t.match(page.body, '<td data-label="Gold" class="help-offer__current">4 h par mois</td>', 'the Gold column is hers')
  t.match(page.body, '<dd>+33 (1) 85 14 93 56</dd>')
  t.match(page.body, 'mailto:obs-cloud-z3.servicedesk@orange.com')
  t.match(page.body, 'cloud-expertise.cloudavenue@orange.com', 'Gold is an option: the Cloud Expertise cell')
})

t.test('a Business Flexible Engine contract shows the four FE levels with Business marked, P1 in 4 h and its contacts', async (t) => {
  const { app } = await setup(t)
  const chloe = await loginAs(app, 'chloe.bernard')
  const page = await chloe.get('/help?contract=OCB0000101')
  t.equal(page.statusCode, 200)
  t.match(page.body, 'Support level of this contract: Business.')
  t.match(page.body, /class="help-levels__current"><strong>Business<\/strong>/)
  t.match(page.body, 'support for customers who use the services for production applications.')
  t.match(page.body, 'Premium</strong>')
  t.match(page.body, '<li>P1 in 4 h</li>')
  t.match(page.body, 'servicedesk.flexible-engine@orange.com')
  t.notMatch(page.body, 'Received 24×7', 'no Cloud Avenue table for FE')
})

t.test('"Create a request" shows only with support ≥ visitor: julien.blanc has it, laura.vidal has not but still reaches an advisor', async (t) => {
  const { app } = await setup(t)
  const julien = await loginAs(app, 'julien.blanc')
  const his = await julien.get('/help?contract=OCB0000302')
  t.match(his.body, 'href="/requests/new?contract=OCB0000302"')
  const laura = await loginAs(app, 'laura.vidal')
  const menu = await laura.get('/')
  t.match(menu.body, 'href="/help"', 'Need help is in every customer’s menu')
  const hers = await laura.get('/help')
  t.equal(hers.statusCode, 200)
  t.notMatch(hers.body, '/requests/new')
  t.notMatch(hers.body, 'obs-cloud-z3.servicedesk', 'no support contacts without the Support section')
  t.match(hers.body, 'Your role on this contract does not include its support.')
  t.match(hers.body, 'action="/help/advisor"')
  t.match(hers.body, 'action="/help/callback"')
})

t.test('a contract the user holds no role on is a 404 on the page and on both forms, and nothing is written', async (t) => {
  const { db, app } = await setup(t)
  const julien = await loginAs(app, 'julien.blanc')
  t.equal((await julien.get('/help?contract=OCB0000101')).statusCode, 404)
  t.equal((await julien.get('/help?contract=OCB9999999')).statusCode, 404)
  await julien.get('/help')
  t.equal((await julien.post('/help/advisor', { contract: 'OCB0000101', subject: 'Hello', message: 'Hi' })).statusCode, 404)
  await julien.get('/help')
  t.equal((await julien.post('/help/callback', { contract: 'OCB0000101', phone: '+33 1 23 45 67 89', slot: callbackSlots(new Date())[0]!.value, subject: 'Call me' })).statusCode, 404)
  t.same(await messages(db), [])
  t.same(await outbox(db), [])
})

t.test('a contract the user holds no role on is a 404 on the page even when they have support elsewhere', async (t) => {
  const { app } = await setup(t)
  const gabriel = await loginAs(app, 'gabriel.roux') // roles on 201 and 301 only
  t.equal((await gabriel.get('/help?contract=OCB0000201')).statusCode, 200)
  t.equal((await gabriel.get('/help?contract=OCB0000302')).statusCode, 404)
})

t.test('Need help may be about any contract of the user: one without their support says so, and the page after a message about it is that page, not a 404', async (t) => {
  const { db, app } = await setup(t)
  const farid = await loginAs(app, 'farid.haddad') // support on OCB0000201, none on OCB0000202
  t.match((await farid.get('/help')).body, 'Lumière Web (OCB0000201)', 'the first contract with support by default')
  const sent = await farid.post('/help/advisor', { contract: 'OCB0000202', subject: 'Network contract', message: 'Who handles it?' })
  t.equal(sent.statusCode, 303)
  t.equal(sent.headers.location, '/help?contract=OCB0000202')
  const page = await farid.get('/help?contract=OCB0000202')
  t.equal(page.statusCode, 200)
  t.match(page.body, 'Your message was sent to a customer advisor')
  t.match(page.body, 'Your role on this contract does not include its support.')
  t.match(page.body, '<option value="OCB0000202" selected>', 'the select names the chosen contract')
  t.notMatch(page.body, '/requests/new')
  t.equal((await messages(db)).length, 1)
})

t.test('a contract whose referent requires two factors is in no list of Need help for a user without them (404 on the page and the forms); enrolled, it is back', async (t) => {
  const { db, app } = await setup(t)
  await db.updateTable('contracts').set({ require_totp: 1 }).where('code', '=', 'OCB0000302').execute()
  const helene = await loginAs(app, 'helene.fabre')
  const page = await helene.get('/help')
  t.equal(page.statusCode, 200)
  t.notMatch(page.body, 'OCB0000302')
  t.equal((await helene.get('/help?contract=OCB0000302')).statusCode, 404)
  await helene.get('/help')
  t.equal((await helene.post('/help/advisor', { contract: 'OCB0000302', subject: 'Hello', message: 'Hi' })).statusCode, 404)
  await helene.get('/help')
  t.equal((await helene.post('/help/callback', { contract: 'OCB0000302', phone: '+33 1 23 45 67 89', slot: callbackSlots(new Date())[0]!.value, subject: 'Call me' })).statusCode, 404)
  t.same(await messages(db), [])
  await db.updateTable('users').set({ totp_enabled_at: new Date().toISOString() }).where('login', '=', 'helene.fabre').execute()
  const enrolled = await helene.get('/help?contract=OCB0000302')
  t.equal(enrolled.statusCode, 200)
  t.match(enrolled.body, 'GTR d’un ticket P1')
})

t.test('a message to an advisor is kept with its contract, emailed to the company’s account manager, and shown in the inbox to marc.lefevre and sophie.durand', async (t) => {
  const { db, app } = await setup(t)
  const julien = await loginAs(app, 'julien.blanc')
  await julien.get('/help?contract=OCB0000302')
  const sent = await julien.post('/help/advisor', { contract: 'OCB0000302', subject: 'Invoice question', message: 'Why did March cost more?' })
  t.equal(sent.statusCode, 303)
  t.equal(sent.headers.location, '/help?contract=OCB0000302')
  const [row] = await messages(db)
  const contract = await db.selectFrom('contracts').select(['id', 'company_id']).where('code', '=', 'OCB0000302').executeTakeFirstOrThrow()
  const company = await db.selectFrom('companies').select(['account_manager_email']).where('id', '=', contract.company_id).executeTakeFirstOrThrow()
  t.match(row, { kind: 'advisor', contract_id: contract.id, company_id: contract.company_id, to_address: company.account_manager_email, subject: 'Invoice question', message: 'Why did March cost more?', status: 'new', phone: null, callback_at: null })
  const [mail] = await outbox(db)
  t.match(mail, { to_address: company.account_manager_email, template: 'advisor_message' })
  t.match(mail!.subject, 'OCB0000302')
  t.match(mail!.text_body, 'Rivage Virtual Desktops (OCB0000302)')
  t.match(mail!.text_body, 'Why did March cost more?')
  t.match(mail!.text_body, 'julien.blanc')
  t.match((await julien.get('/help?contract=OCB0000302')).body, 'Your message was sent to a customer advisor')
  for (const login of ['marc.lefevre', 'sophie.durand']) {
    const staff = await loginAsStaff(app, login)
    const inbox = await staff.get('/admin/inbox')
    t.match(inbox.body, `<a href="/admin/inbox/${row!.id}">Invoice question</a>`, `${login} sees it`)
    t.match(inbox.body, '(OCB0000302)')
  }
})

t.test('without an account manager, an advisor message goes to the support centre of the contract’s offer', async (t) => {
  const { db, app } = await setup(t)
  const companyId = await createCompany(db)
  const user = await createUser(db, { companyId, password: 'Orphan#Company2026' })
  const contract = await createContract(db, { companyId, offer: 'cloud_avenue', referentId: user.id })
  await grantRoles(db, contract, user.id, 'highest')
  const client = await loginAs(app, user.login, 'Orphan#Company2026')
  await client.get('/help')
  t.equal((await client.post('/help/advisor', { contract: contract.code, subject: 'Hello', message: 'Anyone?' })).statusCode, 303)
  t.match(await messages(db), [{ kind: 'advisor', to_address: 'obs-cloud-z3.servicedesk@orange.com' }])
  t.match(await outbox(db), [{ to_address: 'obs-cloud-z3.servicedesk@orange.com', template: 'advisor_message' }])
})

t.test('an advisor message without subject or message, or too long, is a 422 with the typed text kept and nothing written', async (t) => {
  const { db, app } = await setup(t)
  const julien = await loginAs(app, 'julien.blanc')
  await julien.get('/help')
  const empty = await julien.post('/help/advisor', { contract: 'OCB0000302', subject: '', message: 'Kept <b>text</b>' })
  t.equal(empty.statusCode, 422)
  t.match(empty.body, 'id="advisor-subject-error"')
  t.match(empty.body, 'Kept &lt;b&gt;text&lt;/b&gt;</textarea>')
  const long = await julien.post('/help/advisor', { contract: 'OCB0000302', subject: 'x'.repeat(151), message: 'y'.repeat(5001) })
  t.equal(long.statusCode, 422)
  t.match(long.body, 'Enter at most 150 characters')
  t.match(long.body, 'Enter at most 5000 characters')
  const noContract = await julien.post('/help/advisor', { contract: '', subject: 'Hi', message: 'Hello' })
  t.equal(noContract.statusCode, 422)
  t.match(noContract.body, 'Choose the contract concerned')
  t.same(await messages(db), [])
  t.same(await outbox(db), [])
})

t.test('a call back is kept with its phone, contract and slot as UTC, and the inbox shows it with the slot in Paris time', async (t) => {
  const { db, app } = await setup(t)
  const julien = await loginAs(app, 'julien.blanc')
  const page = await julien.get('/help?contract=OCB0000302')
  const slot = /<option value="([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:00)"/.exec(page.body)![1]!
  const sent = await julien.post('/help/callback', { contract: 'OCB0000302', phone: '+33 (0)6 12-34.56 78', slot, subject: 'VDI licences' })
  t.equal(sent.statusCode, 303)
  const expected = parisTimeToUtc(slot.slice(0, 10), Number(slot.slice(11, 13))).toISOString()
  t.match(await messages(db), [{ kind: 'callback', phone: '+33 (0)6 12-34.56 78', callback_at: expected, subject: 'VDI licences', message: '', status: 'new' }])
  t.same(await outbox(db), [], 'no email for a call back')
  t.match((await julien.get('/help?contract=OCB0000302')).body, 'Your call back is booked')
  const sophie = await loginAsStaff(app, 'sophie.durand')
  const inbox = await sophie.get('/admin/inbox?kind=callback')
  t.match(inbox.body, 'Rappel')
  const paris = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(new Date(expected))
  t.match(inbox.body, `Appeler le +33 (0)6 12-34.56 78 le ${paris}`)
})

t.test('a call back slot in the past, at 20:00, on a Sunday, malformed or 31 days ahead is a 422 and nothing is written', async (t) => {
  const { db, app } = await setup(t)
  const julien = await loginAs(app, 'julien.blanc')
  const today = parisDay(new Date())
  const refused = {
    past: `${dayFrom(addDays(today, -1), -1, isBusinessDay)}T10:00`,
    evening: `${dayFrom(addDays(today, 1), 1, isBusinessDay)}T20:00`,
    sunday: `${dayFrom(addDays(today, 1), 1, (day) => new Date(`${day}T00:00:00Z`).getUTCDay() === 0)}T10:00`,
    malformed: '2026-02-30T10:00',
    tooFar: `${dayFrom(addDays(today, 31), 1, isBusinessDay)}T10:00`,
    garbage: 'tomorrow at ten',
  }
  for (const [name, slot] of Object.entries(refused)) {
    await julien.get('/help')
    const answer = await julien.post('/help/callback', { contract: 'OCB0000302', phone: '+33 1 23 45 67 89', slot, subject: 'Call me' })
    t.equal(answer.statusCode, 422, name)
    t.match(answer.body, 'id="slot-error"', name)
    t.match(answer.body, 'value="+33 1 23 45 67 89"', `${name}: the phone typed is kept`)
  }
  t.same(await messages(db), [])
})

t.test('a phone number that is not one ("abc", "12", 16 digits) is a 422 and nothing is written', async (t) => {
  const { db, app } = await setup(t)
  const julien = await loginAs(app, 'julien.blanc')
  const slot = callbackSlots(new Date())[0]!.value
  for (const phone of ['abc', '12', '1234567890123456', '+33 1 23 <b>']) {
    await julien.get('/help')
    const answer = await julien.post('/help/callback', { contract: 'OCB0000302', phone, slot, subject: 'Call me' })
    t.equal(answer.statusCode, 422, phone)
    t.match(answer.body, 'id="phone-error"', phone)
  }
  t.same(await messages(db), [])
})

t.test('business hours: weekdays 09:00–18:00 Paris, French holidays excluded, at least an hour ahead, at most 30 days', async (t) => {
  const monday = new Date('2026-03-02T07:30:00Z') // 08:30 in Paris, winter time
  t.same(checkSlot('2026-03-02T09:00', monday), { error: 'help.callback.error.slot_soon' }, 'less than an hour ahead')
  t.same(checkSlot('2026-03-02T10:00', monday), { at: new Date('2026-03-02T09:00:00Z') })
  t.same(checkSlot('2026-06-02T17:00', new Date('2026-06-01T08:00:00Z')), { at: new Date('2026-06-02T15:00:00Z') }, 'summer time: UTC+2')
  t.same(checkSlot('2026-03-02T18:00', monday), { error: 'help.callback.error.slot' }, 'the last slot starts at 17:00')
  t.same(checkSlot('2026-03-02T10:30', monday), { error: 'help.callback.error.slot' }, 'slots start on the hour')
  t.same(checkSlot('2026-05-14T10:00', new Date('2026-05-10T10:00:00Z')), { error: 'help.callback.error.slot' }, 'Ascension Day 2026')
  t.same(checkSlot('2026-04-01T10:00', monday), { error: 'help.callback.error.slot_far' })
  t.same(checkSlot('', monday), { error: 'help.callback.error.slot_required' })
  t.ok(frenchHolidays(2026).has('2026-04-06'), 'Easter Monday 2026')
  t.ok(frenchHolidays(2027).has('2027-05-17'), 'Whit Monday 2027')
  const offered = callbackSlots(monday)
  t.equal(offered[0]!.value, '2026-03-02T10:00')
  t.equal(new Set(offered.map((slot) => slot.day)).size, 10, 'ten business days')
  t.ok(offered.every((slot) => 'at' in checkSlot(slot.value, monday)), 'every slot offered is accepted')
})

t.test('phone numbers: + digits spaces dots dashes parentheses, 6 to 15 digits', async (t) => {
  for (const ok of ['+33 1 23 45 67 89', '01.23.45.67.89', '(555) 123-4567', '123456']) t.ok(isPhoneNumber(ok), ok)
  for (const bad of ['abc', '12345', '+33 1 23 45 67 89 01 23 4', '1+2', '12 34 56 x', '١٢٣٤٥٦٧']) t.notOk(isPhoneNumber(bad), bad)
})

t.test('the online help links go through /help/links/:name to their fixed sites only; any other name is a 404', async (t) => {
  const { app } = await setup(t)
  const julien = await loginAs(app, 'julien.blanc')
  const page = await julien.get('/help')
  t.match(page.body, 'href="/help/links/help-center"')
  t.notMatch(page.body, 'href="https://', 'no off-site link on the page itself')
  const followed = await julien.get('/help/links/community')
  t.equal(followed.statusCode, 303)
  t.equal(followed.headers.location, 'https://community.cloud.orange-business.com/')
  t.equal((await julien.get('/help/links/evil.example')).statusCode, 404)
  t.equal((await julien.get('/help/links/%2F%2Fevil.example')).statusCode, 404)
})
