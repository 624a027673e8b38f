// "Create a tenant" and edit a contract, in the back-office: the generated
// code, the referent (new, existing, of another company), the domain owner,
// support levels, grouping; the end-to-end journey of a new referent.
import t, { type Test } from 'tap'
import { buildTestApp, freshDatabase } from '../../helpers/app.js'
import type { Client } from '../../helpers/client.js'
import { loginAs, loginAsStaff, seedPersonas } from '../../helpers/personas.js'
import { startSmtpServer } from '../../helpers/smtp.js'
import type { DB } from '../../../src/db/database.js'
import { deliverDueEmails } from '../../../src/jobs/mail-delivery.js'
import { smtpTransport } from '../../../src/mail/transport.js'
import { createTenant as saveTenant } from '../../../src/features/admin/companies/contract.create.js'
import { Client as Browser } from '../../helpers/client.js'

async function setup(t: Test) {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  return { db, app: await buildTestApp(t, { db }) }
}

const tenantFields = (fields: Record<string, string> = {}) => ({
  code: '', name: 'Vague Production', offer: 'fe', support_level: 'standard', start_date: '2026-12-01', support_commitment_end: '2027-05-31',
  ref2: 'CC-VAGUE', ref3: '', grouping: '',
  referent_email: 'lea.marchand@vague.example', referent_title: 'mrs', referent_first_name: 'Léa', referent_last_name: 'Marchand',
  referent_login: 'lea.marchand', referent_phone: '', referent_locale: 'fr', domain_owner_email: '', ...fields,
})

async function companyId(db: DB, name: string): Promise<number> {
  return (await db.selectFrom('companies').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id
}

/** Posts the tenant form of the company as `client` (after opening it, for its CSRF token). */
async function createTenant(client: Client, company: number, fields: Record<string, string>) {
  await client.get(`/admin/contracts/new?company=${company}`)
  return client.post(`/admin/contracts/new?company=${company}`, tenantFields(fields))
}

async function counts(db: DB) {
  const n = async (table: 'contracts' | 'users' | 'contract_roles' | 'outbox' | 'audit_log' | 'password_tokens') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
  return { contracts: await n('contracts'), users: await n('users'), roles: await n('contract_roles'), outbox: await n('outbox'), audit: await n('audit_log'), tokens: await n('password_tokens') }
}

const rolesOf = async (db: DB, code: string, login: string) => {
  const rows = await db.selectFrom('contract_roles').innerJoin('contracts', 'contracts.id', 'contract_roles.contract_id').innerJoin('users', 'users.id', 'contract_roles.user_id')
    .select(['contract_roles.section', 'contract_roles.role']).where('contracts.code', '=', code).where('users.login', '=', login).execute()
  return Object.fromEntries(rows.map((row) => [row.section, row.role]))
}

t.test('tenant creation end to end: a company and a contract with a new referent, whose welcome email leads to a password, a login and the contract', async (t) => {
  const { app, db } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  await marc.get('/admin/companies/new')
  const created = await marc.post('/admin/companies/new', { name: 'Vague Numérique', country: 'FR', city: 'Brest' })
  t.equal(created.statusCode, 303)
  const company = await companyId(db, 'Vague Numérique')

  const response = await createTenant(marc, company, {})
  t.equal(response.statusCode, 303)
  t.equal(response.headers.location, '/admin/contracts/OCB0000303', 'the next code after the demo’s OCB0000302')
  t.match((await marc.get('/admin/contracts/OCB0000303')).body, 'Le contrat OCB0000303 a été créé et son référent prévenu par e-mail.')

  const lea = await db.selectFrom('users').selectAll().where('login', '=', 'lea.marchand').executeTakeFirstOrThrow()
  t.match(lea, { email: 'lea.marchand@vague.example', company_id: company, password_hash: null, locale: 'fr', first_name: 'Léa' })
  const contract = await db.selectFrom('contracts').selectAll().where('code', '=', 'OCB0000303').executeTakeFirstOrThrow()
  t.match(contract, { company_id: company, offer: 'fe', status: 'active', support_level: 'standard', referent_user_id: lea.id, domain_owner_user_id: lea.id, ref2: 'CC-VAGUE', ref3: null })
  t.same(await rolesOf(db, 'OCB0000303', 'lea.marchand'), { dashboard: 'visitor', contracts: 'manager', subscriptions: 'manager', documents: 'manager', billing: 'manager', orders: 'visitor', services: 'manager', support: 'visitor', users: 'manager', fe_console: 'manager' }, 'the highest role of every section of the offer')
  const actions = (await db.selectFrom('audit_log').select('action').where('contract_id', '=', contract.id).orderBy('id').execute()).map((row) => row.action)
  t.same(actions, ['admin.contract.created', 'admin.contract.access_granted', 'admin.user.invited'])

  // The welcome email, delivered through a real SMTP server.
  const smtp = await startSmtpServer(t)
  const transport = smtpTransport(smtp.url)
  t.teardown(() => transport.close())
  t.same(await deliverDueEmails(db, transport, { holder: 'test', from: 'portal@provider.example' }), { sent: 1, failed: 0, retried: 0 })
  const email = smtp.received[0]!
  t.same(email.recipients, ['lea.marchand@vague.example'])
  t.match(email.subject, 'Votre compte Espace Client Cloud')
  t.match(email.text, 'Marc Lefèvre a créé votre compte Espace Client Cloud pour le contrat Vague Production.')
  const link = /\/password\/reset\/[A-Za-z0-9_-]+/.exec(email.text)![0]

  const browser = new Browser(app)
  t.equal((await browser.get(link)).statusCode, 200)
  const set = await browser.post(link, { password: 'Vague#Pass2026', confirm: 'Vague#Pass2026' })
  t.equal(set.statusCode, 303)
  const referent = await loginAs(app, 'lea.marchand', 'Vague#Pass2026')
  t.match((await referent.get('/')).body, /<span class="contract-item__code">OCB0000303<\/span>[\s\S]*href="\/contracts\/OCB0000303"/, 'the dashboard lists the new contract')
  const page = await referent.get('/contracts/OCB0000303')
  t.equal(page.statusCode, 200)
  t.match(page.body, 'Vous êtes le référent de ce contrat')
})

t.test('generated codes are OCB and seven digits, unique, following the highest code in use', async (t) => {
  const { app, db } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  const hexagone = await companyId(db, 'Hexagone Industries')
  const codes: string[] = []
  for (let n = 0; n < 6; n += 1) {
    const response = await createTenant(marc, hexagone, { name: `Hexagone Lot ${n}`, referent_email: 'alice.martin@hexagone.example' })
    codes.push(String(response.headers.location).replace('/admin/contracts/', ''))
  }
  t.same(codes, ['OCB0000303', 'OCB0000304', 'OCB0000305', 'OCB0000306', 'OCB0000307', 'OCB0000308'])
  const typed = await createTenant(marc, hexagone, { name: 'Migrated', code: 'ocb0004000', referent_email: 'alice.martin@hexagone.example' })
  t.equal(typed.headers.location, '/admin/contracts/OCB0004000', 'a typed code is kept (upper-cased)')
  const after = await createTenant(marc, hexagone, { name: 'After', referent_email: 'alice.martin@hexagone.example' })
  t.equal(after.headers.location, '/admin/contracts/OCB0004001')
  const all = (await db.selectFrom('contracts').select('code').execute()).map((row) => row.code)
  t.equal(new Set(all).size, all.length, 'no code twice')
  t.ok(all.every((code) => /^OCB[0-9]{7}$/.test(code)), 'every code well-formed')
})

t.test('a typed contract code already used is refused with 422 naming it, and nothing is written', async (t) => {
  const { app, db } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  const before = await counts(db)
  const response = await createTenant(marc, await companyId(db, 'Hexagone Industries'), { code: 'OCB0000101' })
  t.equal(response.statusCode, 422)
  t.match(response.body, 'Le code OCB0000101 est déjà utilisé par un autre contrat')
  t.match(response.body, 'value="Vague Production"', 'what was typed is kept')
  t.same(await counts(db), before)
  const malformed = await createTenant(marc, await companyId(db, 'Hexagone Industries'), { code: 'OCB12' })
  t.match(malformed.body, 'Saisissez un code comme OCB0001234')
})

t.test('a typed code taken between the form’s check and the save is caught in the creating transaction, which writes nothing', async (t) => {
  const { db } = await setup(t)
  const alice = await db.selectFrom('users').select(['id', 'login', 'email', 'first_name', 'last_name', 'locale', 'company_id']).where('login', '=', 'alice.martin').executeTakeFirstOrThrow()
  const before = await counts(db)
  const form = { ...tenantFields({ code: 'OCB0000101' }) }
  const outcome = await saveTenant(db, 'http://portal.test', {
    companyId: await companyId(db, 'Hexagone Industries'), form, offer: 'fe', groupingId: null,
    referent: { kind: 'existing', user: { ...alice, company_name: 'Hexagone Industries' } }, domainOwner: undefined,
  }, { userId: alice.id, ip: '127.0.0.1', name: 'Test' })
  t.same(outcome, { code: 'OCB0000101', taken: true })
  t.same(await counts(db), before)
})

t.test('an existing user of the company becomes the referent with the highest roles and the contract-access email, no new account', async (t) => {
  const { app, db } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  const before = await counts(db)
  const response = await createTenant(marc, await companyId(db, 'Hexagone Industries'), { referent_email: 'Chloe.Bernard@Hexagone.example', referent_login: 'ignored' })
  t.equal(response.statusCode, 303)
  t.equal((await counts(db)).users, before.users, 'no new account')
  t.equal((await rolesOf(db, 'OCB0000303', 'chloe.bernard')).users, 'manager')
  const email = await db.selectFrom('outbox').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow()
  t.match(email, { to_address: 'chloe.bernard@hexagone.example', template: 'contract_access', locale: 'en' })
  t.match(email.text_body, 'Marc Lefèvre gave you access to the contract Vague Production (OCB0000303)')
  t.equal((await counts(db)).tokens, before.tokens, 'no password link for someone who has a password')
})

t.test('a referent of another company is allowed only once staff confirm it, and the success message says so', async (t) => {
  const { app, db } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  const rivage = await companyId(db, 'Banque du Rivage')
  const before = await counts(db)
  const first = await createTenant(marc, rivage, { referent_email: 'alice.martin@hexagone.example' })
  t.equal(first.statusCode, 422)
  t.match(first.body, 'D’une autre société : Alice Martin (Hexagone Industries). C’est permis : cochez la case pour confirmer')
  t.match(first.body, 'name="confirm_other_company" value="yes"', 'the box appears')
  t.same(await counts(db), before, 'nothing written before the confirmation')
  const confirmed = await marc.post(`/admin/contracts/new?company=${rivage}`, tenantFields({ referent_email: 'alice.martin@hexagone.example', confirm_other_company: 'yes' }))
  t.equal(confirmed.statusCode, 303)
  const page = await marc.get(confirmed.headers.location as string)
  t.match(page.body, 'D’une autre société, désormais aussi sur ce contrat : Alice Martin (Hexagone Industries).')
  t.match(page.body, 'Alice Martin · alice.martin@hexagone.example · de Hexagone Industries', 'the contract page says whose company she belongs to')
  const alice = await db.selectFrom('users').select('company_id').where('login', '=', 'alice.martin').executeTakeFirstOrThrow()
  t.equal(alice.company_id, await companyId(db, 'Hexagone Industries'), 'her account stays in her company')
})

t.test('the domain owner: empty is the referent; an existing user gets the lowest roles and an email; an unknown email is a 422', async (t) => {
  const { app, db } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  const hexagone = await companyId(db, 'Hexagone Industries')
  const unknown = await createTenant(marc, hexagone, { domain_owner_email: 'nobody@hexagone.example' })
  t.equal(unknown.statusCode, 422)
  t.match(unknown.body, 'Aucun client n’a cette adresse e-mail : laissez vide pour que le référent soit le propriétaire du domaine')
  const staff = await createTenant(marc, hexagone, { domain_owner_email: 'thomas.girard@provider.example' })
  t.equal(staff.statusCode, 422, 'a staff account is no domain owner')
  const response = await createTenant(marc, hexagone, { domain_owner_email: 'karine.lopez@hexagone.example' })
  t.equal(response.statusCode, 303)
  const contract = await db.selectFrom('contracts').selectAll().where('code', '=', 'OCB0000303').executeTakeFirstOrThrow()
  const karine = await db.selectFrom('users').select('id').where('login', '=', 'karine.lopez').executeTakeFirstOrThrow()
  t.equal(contract.domain_owner_user_id, karine.id)
  t.same(await rolesOf(db, 'OCB0000303', 'karine.lopez'), { dashboard: 'none', contracts: 'visitor', subscriptions: 'none', documents: 'none', billing: 'none', orders: 'none', services: 'none', support: 'none', users: 'none', fe_console: 'none' })
  const emails = await db.selectFrom('outbox').select(['to_address', 'template']).orderBy('id').execute()
  t.same(emails.slice(-2), [{ to_address: 'lea.marchand@vague.example', template: 'welcome' }, { to_address: 'karine.lopez@hexagone.example', template: 'contract_access' }])
})

t.test('the support level must be one the offer sells, and Flexible Engine and Cloud Avenue need one', async (t) => {
  const { app, db } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  const hexagone = await companyId(db, 'Hexagone Industries')
  const notSold = await createTenant(marc, hexagone, { offer: 'cloud_avenue', support_level: 'premium' })
  t.equal(notSold.statusCode, 422)
  t.match(notSold.body, 'Cette offre ne propose pas ce niveau de support')
  t.match(notSold.body, '<option value="premium" selected>', 'the level typed is kept, though the offer does not sell it')
  const missing = await createTenant(marc, hexagone, { offer: 'fe_hds', support_level: '' })
  t.match(missing.body, 'Choisissez un niveau de support : cette offre en demande un')
  const unknownOffer = await createTenant(marc, hexagone, { offer: 'mainframe' })
  t.match(unknownOffer.body, 'Choisissez une offre')
  const none = await createTenant(marc, hexagone, { offer: 'orange_business', support_level: '' })
  t.equal(none.statusCode, 303, 'Orange Business may have no support level')
  const dates = await createTenant(marc, hexagone, { start_date: '2026-02-30', support_commitment_end: '2020-01-01' })
  t.match(dates.body, 'Saisissez une date réelle, comme 2026-12-31')
})

t.test('grouping: a contract joins a multi-services contract of its own company; a multi-services contract is never grouped', async (t) => {
  const { app, db } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  const grouped = await createTenant(marc, await companyId(db, 'Hexagone Industries'), { grouping: 'OCB0000100', referent_email: 'alice.martin@hexagone.example' })
  t.equal(grouped.statusCode, 303)
  const groupingId = (await db.selectFrom('contracts').select('id').where('code', '=', 'OCB0000100').executeTakeFirstOrThrow()).id
  t.equal((await db.selectFrom('contracts').select('grouping_contract_id').where('code', '=', 'OCB0000303').executeTakeFirstOrThrow()).grouping_contract_id, groupingId)
  t.match((await marc.get('/admin/contracts/OCB0000100')).body, /Contrats regroupés sous celui-ci[\s\S]*OCB0000303/)
  const foreign = await createTenant(marc, await companyId(db, 'Banque du Rivage'), { grouping: 'OCB0000100', referent_email: 'helene.fabre@rivage.example' })
  t.equal(foreign.statusCode, 422, 'another company’s grouping contract')
  const multi = await createTenant(marc, await companyId(db, 'Hexagone Industries'), { offer: 'multi_services', support_level: '', grouping: 'OCB0000100', referent_email: 'alice.martin@hexagone.example' })
  t.match(multi.body, 'Choisissez l’un des contrats multi-services de la société')
})

t.test('a new referent follows the rights wizard’s rules: login taken, login characters, names and language required', async (t) => {
  const { app, db } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  const hexagone = await companyId(db, 'Hexagone Industries')
  const before = await counts(db)
  const taken = await createTenant(marc, hexagone, { referent_login: 'alice.martin' })
  t.match(taken.body, 'Cet identifiant est déjà pris')
  const bad = await createTenant(marc, hexagone, { referent_login: 'léa', referent_first_name: '', referent_locale: 'de', referent_title: '' })
  t.equal(bad.statusCode, 422)
  for (const text of ['Utilisez seulement des lettres sans accent', 'Saisissez le prénom', 'Choisissez une langue', 'Choisissez M. ou Mme']) t.match(bad.body, text)
  const staff = await createTenant(marc, hexagone, { referent_email: 'sophie.durand@provider.example' })
  t.match(staff.body, 'Cet e-mail est celui d’un compte du personnel')
  t.same(await counts(db), before, 'nothing written')
})

t.test('the company of /admin/contracts/new must exist: a missing, non-numeric or unknown id is a 404, a repeated one a 400', async (t) => {
  const { app } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  for (const url of ['/admin/contracts/new', '/admin/contracts/new?company=abc', '/admin/contracts/new?company=99999']) t.equal((await marc.get(url)).statusCode, 404, url)
  t.equal((await marc.get('/admin/contracts/new?company=1&company=2')).statusCode, 400)
  t.equal((await marc.get('/admin/contracts/OCB9999999')).statusCode, 404)
})

t.test('editing a contract saves the changed fields with one audit row, before and after; a new referent already on the contract gets no email', async (t) => {
  const { app, db } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  const form = await marc.get('/admin/contracts/OCB0000101/edit')
  t.match(form.body, 'value="alice.martin@hexagone.example"')
  t.match(form.body, /<option value="OCB0000100" selected>/, 'its grouping is kept')
  const before = await counts(db)
  const response = await marc.post('/admin/contracts/OCB0000101/edit', {
    name: 'Hexagone Production EU', support_level: 'premium', start_date: '2024-02-01', support_commitment_end: '2027-03-31', ref2: 'CC-INFRA', ref3: 'EU',
    grouping: 'OCB0000100', referent_email: 'bruno.petit@hexagone.example', domain_owner_email: 'alice.martin@hexagone.example', offer: 'cloud_avenue', code: 'OCB0000999',
  })
  t.equal(response.statusCode, 303)
  const contract = await db.selectFrom('contracts').selectAll().where('code', '=', 'OCB0000101').executeTakeFirstOrThrow()
  const [alice, bruno] = await Promise.all(['alice.martin', 'bruno.petit'].map((login) => db.selectFrom('users').select('id').where('login', '=', login).executeTakeFirstOrThrow()))
  t.match(contract, { name: 'Hexagone Production EU', offer: 'fe', support_level: 'premium', ref3: 'EU', referent_user_id: bruno!.id, domain_owner_user_id: alice!.id })
  const audit = await db.selectFrom('audit_log').select('details').where('action', '=', 'admin.contract.updated').executeTakeFirstOrThrow()
  t.same(JSON.parse(audit.details!), {
    before: { name: 'Hexagone Production', support_level: 'business', ref3: null, referent_user_id: alice!.id },
    after: { name: 'Hexagone Production EU', support_level: 'premium', ref3: 'EU', referent_user_id: bruno!.id },
  })
  t.equal((await counts(db)).outbox, before.outbox, 'bruno was already on the contract: no email')
  const bruno101 = await loginAs(app, 'bruno.petit')
  t.match((await bruno101.get('/contracts/OCB0000101')).body, 'Vous êtes le référent de ce contrat')
})

t.test('editing a contract to a referent who wasn’t on it declares them with the highest roles and emails them', async (t) => {
  const { app, db } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  await marc.get('/admin/contracts/OCB0000103/edit')
  const response = await marc.post('/admin/contracts/OCB0000103/edit', {
    name: 'Hexagone Datacenter', support_level: 'standard', start_date: '2023-09-01', support_commitment_end: '', ref2: '', ref3: '', grouping: '',
    referent_email: 'karine.lopez@hexagone.example', domain_owner_email: 'david.moreau@hexagone.example',
  })
  t.equal(response.statusCode, 303)
  t.equal((await rolesOf(db, 'OCB0000103', 'karine.lopez')).users, 'manager')
  const email = await db.selectFrom('outbox').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow()
  t.match(email, { to_address: 'karine.lopez@hexagone.example', template: 'contract_access' })
  const unknown = await marc.post('/admin/contracts/OCB0000103/edit', {
    name: 'Hexagone Datacenter', support_level: 'standard', referent_email: 'new.person@hexagone.example', domain_owner_email: '',
  })
  t.equal(unknown.statusCode, 422)
  t.match(unknown.body, 'Aucun utilisateur n’a cette adresse e-mail')
})

t.test('saving an edit that changes nothing writes nothing and says so', async (t) => {
  const { app, db } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  const form = await marc.get('/admin/contracts/OCB0000201/edit')
  const fields = Object.fromEntries([...form.body.matchAll(/<input class="field__input" id="([a-z_0-9]+)" name="\1" type="[a-z]+" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!.replaceAll('&#39;', '\'')]))
  const before = await counts(db)
  const response = await marc.post('/admin/contracts/OCB0000201/edit', { ...fields, support_level: 'silver', grouping: '' })
  t.equal(response.statusCode, 303)
  t.match((await marc.get('/admin/contracts/OCB0000201')).body, 'Rien n’a changé sur le contrat OCB0000201.')
  t.same(await counts(db), before)
})

/** The text fields of a form as rendered (name → value), to post it back with a few changed. */
const inputsOf = (html: string) =>
  Object.fromEntries([...html.matchAll(/<input class="field__input" id="([a-z_0-9]+)" name="\1" type="[a-z]+" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!.replaceAll('&#39;', '\'')]))

t.test('staff set and clear a contract’s administrative contact, audited', async (t) => {
  const { app, db } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  const contactOf = () => db.selectFrom('contracts').select(['admin_contact_name', 'admin_contact_email']).where('code', '=', 'OCB0000100').executeTakeFirstOrThrow()
  const audits = async () => (await db.selectFrom('audit_log').select('details').where('action', '=', 'admin.contract.updated').orderBy('id').execute()).map((row) => JSON.parse(row.details!))
  // A multi-services grouping contract: read-only to its customers, staff manage it.
  const form = await marc.get('/admin/contracts/OCB0000100/edit')
  const fields = inputsOf(form.body)
  t.match(fields, { admin_contact_name: '', admin_contact_email: '' }, 'both fields on the form, empty')
  t.match(form.body, 'Contact administratif')
  const set = await marc.post('/admin/contracts/OCB0000100/edit', { ...fields, admin_contact_name: 'Compta Hexagone', admin_contact_email: 'compta@hexagone.example' })
  t.equal(set.statusCode, 303)
  t.same(await contactOf(), { admin_contact_name: 'Compta Hexagone', admin_contact_email: 'compta@hexagone.example' })
  t.same(await audits(), [{ before: { admin_contact_name: null, admin_contact_email: null }, after: { admin_contact_name: 'Compta Hexagone', admin_contact_email: 'compta@hexagone.example' } }])
  t.match((await marc.get('/admin/contracts/OCB0000100')).body, 'Compta Hexagone · compta@hexagone.example', 'shown on the contract page')
  const again = await marc.get('/admin/contracts/OCB0000100/edit')
  t.match(inputsOf(again.body), { admin_contact_name: 'Compta Hexagone', admin_contact_email: 'compta@hexagone.example' }, 'the form shows it')
  const cleared = await marc.post('/admin/contracts/OCB0000100/edit', { ...inputsOf(again.body), admin_contact_name: ' ', admin_contact_email: '' })
  t.equal(cleared.statusCode, 303)
  t.same(await contactOf(), { admin_contact_name: null, admin_contact_email: null })
  t.same((await audits())[1], { before: { admin_contact_name: 'Compta Hexagone', admin_contact_email: 'compta@hexagone.example' }, after: { admin_contact_name: null, admin_contact_email: null } })
})

t.test('a bad administrative contact email on the staff edit answers 422 next to the field, the values kept, and nothing is written', async (t) => {
  const { app, db } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  const fields = inputsOf((await marc.get('/admin/contracts/OCB0000101/edit')).body)
  const row = () => db.selectFrom('contracts').selectAll().where('code', '=', 'OCB0000101').executeTakeFirstOrThrow()
  const [before, contract] = [await counts(db), await row()]
  const response = await marc.post('/admin/contracts/OCB0000101/edit', {
    ...fields, support_level: 'business', grouping: 'OCB0000100', name: 'Hexagone Production EU', admin_contact_name: 'Compta Hexagone', admin_contact_email: 'compta@',
  })
  t.equal(response.statusCode, 422)
  t.match(response.body, /<p class="field__error" id="admin_contact_email-error">.*Saisissez une adresse e-mail comme nom@exemple.fr./)
  t.match(inputsOf(response.body), { name: 'Hexagone Production EU', admin_contact_name: 'Compta Hexagone', admin_contact_email: 'compta@' }, 'the typed values kept')
  t.same(await counts(db), before)
  t.same(await row(), contract, 'the contract unchanged')
})
