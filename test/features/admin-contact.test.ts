// The administrative contact (POST /bills/:code/admin-contact): the
// contract's referent names, changes or removes it; each change is audited;
// bad input is a 422 with the typed values kept; a grouping contract is
// read-only.
import t, { type Test } from 'tap'
import { buildTestApp, freshDatabase } from '../helpers/app.js'
import { loginAs, seedPersonas } from '../helpers/personas.js'
import type { DB } from '../../src/db/database.js'

async function setup(t: Test) {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  return buildTestApp(t, { db, config: { loginRateLimitPerIp: 10_000 } })
}

const contactOf = (db: DB, code: string) =>
  db.selectFrom('contracts').select(['admin_contact_name', 'admin_contact_email']).where('code', '=', code).executeTakeFirstOrThrow()
const audits = (db: DB) => db.selectFrom('audit_log').select(['details', 'actor_user_id']).where('action', '=', 'contract.admin_contact_changed').execute()

t.test('the referent saves the administrative contact: stored, audited before/after, shown on the page', async (t) => {
  const app = await setup(t)
  const helene = await loginAs(app, 'helene.fabre')
  await helene.get('/bills?contract=OCB0000301')
  const saved = await helene.post('/bills/OCB0000301/admin-contact', { name: 'Paul Comptable', email: 'compta@rivage.example' })
  t.equal(saved.statusCode, 303)
  t.equal(saved.headers.location, '/bills?contract=OCB0000301#admin-contact')
  t.same(await contactOf(app.db, 'OCB0000301'), { admin_contact_name: 'Paul Comptable', admin_contact_email: 'compta@rivage.example' })
  const [audit] = await audits(app.db)
  t.same(JSON.parse(audit!.details!), { before: { name: null, email: null }, after: { name: 'Paul Comptable', email: 'compta@rivage.example' } })
  const page = await helene.get('/bills?contract=OCB0000301')
  t.match(page.body, 'Le contact administratif a été enregistré.')
  t.match(page.body, 'compta@rivage.example')
})

t.test('emptying both fields removes the contact; saving the same contact writes nothing', async (t) => {
  const app = await setup(t)
  const helene = await loginAs(app, 'helene.fabre')
  await helene.get('/bills?contract=OCB0000301')
  await helene.post('/bills/OCB0000301/admin-contact', { name: 'Paul', email: 'paul@rivage.example' })
  await helene.get('/bills?contract=OCB0000301')
  t.equal((await helene.post('/bills/OCB0000301/admin-contact', { name: 'Paul', email: 'paul@rivage.example' })).statusCode, 303)
  t.equal((await audits(app.db)).length, 1, 'unchanged: no second audit row')
  await helene.get('/bills?contract=OCB0000301')
  await helene.post('/bills/OCB0000301/admin-contact', { name: '', email: '  ' })
  t.same(await contactOf(app.db, 'OCB0000301'), { admin_contact_name: null, admin_contact_email: null })
  t.equal((await audits(app.db)).length, 2)
})

t.test('a billing manager who is not the referent is refused with 403, nothing written', async (t) => {
  const app = await setup(t)
  const before = await contactOf(app.db, 'OCB0000101')
  const bruno = await loginAs(app, 'bruno.petit')
  const page = await bruno.get('/bills?contract=OCB0000101')
  t.notMatch(page.body, 'action="/bills/OCB0000101/admin-contact"', 'no form for them')
  t.match(page.body, 'Seul le référent')
  t.equal((await bruno.post('/bills/OCB0000101/admin-contact', { name: 'X', email: 'x@example.com' })).statusCode, 403)
  t.same(await contactOf(app.db, 'OCB0000101'), before)
  t.equal((await audits(app.db)).length, 0)
})

t.test('a bad email, a missing name or too long values are refused (422) with a message per field and the typed values kept', async (t) => {
  const app = await setup(t)
  const emma = await loginAs(app, 'emma.leroy')
  const cases: Array<[name: string, email: string, field: string, message: string]> = [
    ['Ann Smith', 'not-an-email', 'email', 'Enter an email address like name@example.com.'],
    ['', 'ann@example.com', 'name', 'Enter the contact’s name'],
    ['Ann Smith', '', 'email', 'Enter the contact’s email address'],
    ['N'.repeat(101), 'ann@example.com', 'name', 'The name must be 100 characters or fewer.'],
    ['Ann Smith', `${'a'.repeat(250)}@example.com`, 'email', 'The email address must be 254 characters or fewer.'],
    ['Ann <script>', 'ann@exa mple.com', 'email', 'Enter an email address like name@example.com.'],
  ]
  for (const [name, email, field, message] of cases) {
    await emma.get('/bills?contract=OCB0000201')
    const refused = await emma.post('/bills/OCB0000201/admin-contact', { name, email })
    t.equal(refused.statusCode, 422, `${field}: ${message}`)
    t.match(refused.body, message)
    t.match(refused.body, `id="${field}-error"`)
    t.match(refused.body, 'class="error-summary"')
    if (email) t.match(refused.body, `value="${email.replace(/&/g, '&amp;')}"`, 'the typed email is kept')
    t.notMatch(refused.body, '<script>')
  }
  t.same(await contactOf(app.db, 'OCB0000201'), { admin_contact_name: null, admin_contact_email: null })
  t.equal((await audits(app.db)).length, 0)
})

t.test('the administrative contact of a grouping contract cannot be changed by its referent (422, read-only message)', async (t) => {
  const app = await setup(t)
  const david = await loginAs(app, 'david.moreau')
  await david.get('/bills?contract=OCB0000103')
  const refused = await david.post('/bills/OCB0000100/admin-contact', { name: 'Paul', email: 'paul@hexagone.example' })
  t.equal(refused.statusCode, 422)
  t.match(refused.body, 'Un contrat multi-services ne peut pas être modifié')
  t.same(await contactOf(app.db, 'OCB0000100'), { admin_contact_name: null, admin_contact_email: null })
  t.equal((await audits(app.db)).length, 0)
})
