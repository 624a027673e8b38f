// The back-office's companies: the list (search, sort, pagination), creating
// and editing a company, who may open these pages.
import t, { type Test } from 'tap'
import { buildTestApp, freshDatabase } from '../../helpers/app.js'
import { createCompany } from '../../helpers/factories.js'
import { loginAs, loginAsStaff, seedPersonas } from '../../helpers/personas.js'
import type { DB } from '../../../src/db/database.js'

async function setup(t: Test) {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  return { db, app: await buildTestApp(t, { db }) }
}

const companyFields = (fields: Record<string, string> = {}) => ({
  name: 'Nouvelle Vague SARL', registration_number: '912 345 678', address: '3 rue du Port', postal_code: '13002', city: 'Marseille', country: 'FR',
  account_manager_name: 'Claire Vasseur', account_manager_email: 'claire.vasseur@provider.example', account_manager_phone: '+33 1 70 00 10 01', ...fields,
})

const countRows = async (db: DB, table: 'companies' | 'audit_log') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)

/** The names in the list's rows, in order. */
const listedNames = (html: string) => [...html.matchAll(/<td data-label="[^"]*"><a href="\/admin\/companies\/\d+">([^<]+)<\/a><\/td>/g)].map((m) => m[1])

t.test('the companies list shows every company with its number of contracts and the total', async (t) => {
  const { app } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  const page = await marc.get('/admin/companies')
  t.equal(page.statusCode, 200)
  t.match(page.body, '<h1>Sociétés et contrats</h1>')
  t.match(page.body, '3 sociétés')
  t.same(listedNames(page.body), ['Atelier Lumière SAS', 'Banque du Rivage', 'Hexagone Industries'], 'by name')
  t.match(page.body, /Hexagone Industries<\/a><\/td>\s*<td[^>]*>552 100 554<\/td>\s*<td[^>]*>Lyon, FR<\/td>\s*<td[^>]*>4<\/td>/, 'Hexagone holds 4 contracts')
})

t.test('the search finds a company by name, by registration number typed without spaces, by contract code and by contract name', async (t) => {
  const { app } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  const search = async (q: string) => listedNames((await marc.get(`/admin/companies?q=${encodeURIComponent(q)}`)).body)
  t.same(await search('rivage'), ['Banque du Rivage'], 'name, any case')
  t.same(await search('813245901'), ['Atelier Lumière SAS'], 'registration number without its spaces')
  t.same(await search('OCB0000302'), ['Banque du Rivage'], 'a contract code')
  t.same(await search('santé'), ['Hexagone Industries'], 'a contract name')
  t.same(await search('100%'), [], 'a % is a character, not a wildcard')
  t.match((await marc.get('/admin/companies?q=zzz')).body, '0 société correspond à « zzz »')
})

t.test('the list is paginated 25 a page with the total count, and sorts by contracts or creation on request', async (t) => {
  const { app, db } = await setup(t)
  for (let n = 1; n <= 27; n += 1) await createCompany(db, `Zeta ${String(n).padStart(2, '0')}`)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  const first = await marc.get('/admin/companies')
  t.match(first.body, '30 sociétés')
  t.equal(listedNames(first.body).length, 25)
  t.match(first.body, 'Page 1 sur 2')
  const second = await marc.get('/admin/companies?q=&sort=name&page=2')
  t.same(listedNames(second.body), ['Zeta 23', 'Zeta 24', 'Zeta 25', 'Zeta 26', 'Zeta 27'])
  t.equal(listedNames((await marc.get('/admin/companies?sort=contracts')).body)[0], 'Hexagone Industries', 'most contracts first')
  t.equal(listedNames((await marc.get('/admin/companies?sort=created')).body)[0], 'Zeta 27', 'newest first')
  t.equal((await marc.get('/admin/companies?sort=evil&page=abc')).statusCode, 200, 'an unknown sort or page falls back')
})

t.test('only staff whose roles open the companies area get in: support 403, a customer 404', async (t) => {
  const { app } = await setup(t)
  const thomas = await loginAsStaff(app, 'thomas.girard')
  const refused = await thomas.get('/admin/companies')
  t.equal(refused.statusCode, 403)
  t.match(refused.body, 'Administrator, Account manager')
  t.equal((await thomas.get('/admin/contracts/OCB0000101')).statusCode, 403)
  const alice = await loginAs(app, 'alice.martin')
  t.equal((await alice.get('/admin/companies')).statusCode, 404)
  t.equal((await alice.get('/admin/contracts/OCB0000101')).statusCode, 404)
  const sophie = await loginAsStaff(app, 'sophie.durand')
  t.equal((await sophie.get('/admin/companies')).statusCode, 200, 'admin opens every area')
})

t.test('creating a company stores it, audits it, and opens its page', async (t) => {
  const { app, db } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  await marc.get('/admin/companies/new')
  const response = await marc.post('/admin/companies/new', companyFields({ country: 'fr', account_manager_email: 'Claire.Vasseur@Provider.example' }))
  t.equal(response.statusCode, 303)
  const company = await db.selectFrom('companies').selectAll().where('name', '=', 'Nouvelle Vague SARL').executeTakeFirstOrThrow()
  t.equal(response.headers.location, `/admin/companies/${company.id}`)
  t.match(company, { registration_number: '912 345 678', city: 'Marseille', country: 'FR', account_manager_email: 'claire.vasseur@provider.example' })
  const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'admin.company.created').executeTakeFirstOrThrow()
  t.equal(audit.actor_user_id, (await db.selectFrom('users').select('id').where('login', '=', 'marc.lefevre').executeTakeFirstOrThrow()).id)
  t.match(JSON.parse(audit.details!), { id: company.id, name: 'Nouvelle Vague SARL' })
  const page = await marc.get(response.headers.location as string)
  t.match(page.body, 'La société Nouvelle Vague SARL a été créée.')
  t.match(page.body, 'Cette société n’a encore aucun contrat.')
})

t.test('a company name already used, whatever its case or spacing, is refused with 422 naming it, and nothing is written', async (t) => {
  const { app, db } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  const before = [await countRows(db, 'companies'), await countRows(db, 'audit_log')]
  for (const name of ['hexagone industries', '  HEXAGONE   Industries ', 'ATELIER LUMIÈRE SAS']) {
    await marc.get('/admin/companies/new')
    const response = await marc.post('/admin/companies/new', companyFields({ name }))
    t.equal(response.statusCode, 422, name)
    t.match(response.body, /Une société s’appelle déjà « (Hexagone Industries|Atelier Lumière SAS) »/)
    t.match(response.body, 'value="912 345 678"', 'what was typed is kept')
  }
  t.same([await countRows(db, 'companies'), await countRows(db, 'audit_log')], before)
})

t.test('a company form with bad fields answers 422 with a message per field and the values kept', async (t) => {
  const { app, db } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  await marc.get('/admin/companies/new')
  const response = await marc.post('/admin/companies/new', companyFields({
    name: '', registration_number: '<b>552</b>', country: 'France', account_manager_email: 'not-an-email', account_manager_phone: '12', city: 'x'.repeat(101),
  }))
  t.equal(response.statusCode, 422)
  for (const text of ['Saisissez le nom de la société', 'Utilisez seulement des lettres, des chiffres', 'Saisissez un code pays de deux lettres',
    'Saisissez une adresse e-mail comme', 'Saisissez un numéro comme +33', 'Utilisez au plus 100 caractères']) t.match(response.body, text)
  t.match(response.body, 'value="&lt;b&gt;552&lt;/b&gt;"', 'kept, escaped')
  t.equal(await countRows(db, 'companies'), 3)
})

t.test('editing a company saves it and audits only the changed fields, before and after', async (t) => {
  const { app, db } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  const hexagone = await db.selectFrom('companies').selectAll().where('name', '=', 'Hexagone Industries').executeTakeFirstOrThrow()
  const form = await marc.get(`/admin/companies/${hexagone.id}/edit`)
  t.match(form.body, 'value="12 rue de la Forge"')
  const response = await marc.post(`/admin/companies/${hexagone.id}/edit`, companyFields({
    name: 'Hexagone Industries', registration_number: '552 100 554', address: '12 rue de la Forge', postal_code: '69007', city: 'Villeurbanne',
    account_manager_name: 'Olivier Ndiaye', account_manager_email: 'claire.vasseur@provider.example', account_manager_phone: '+33 1 70 00 10 01',
  }))
  t.equal(response.statusCode, 303)
  const audit = await db.selectFrom('audit_log').select('details').where('action', '=', 'admin.company.updated').executeTakeFirstOrThrow()
  t.same(JSON.parse(audit.details!), { id: hexagone.id, before: { city: 'Lyon', account_manager_name: 'Claire Vasseur' }, after: { city: 'Villeurbanne', account_manager_name: 'Olivier Ndiaye' } })
  const alice = await loginAs(app, 'alice.martin')
  t.match((await alice.get('/account/company')).body, 'Olivier Ndiaye', 'the customer’s “My company” page shows the new manager')
})

t.test('renaming a company to the name of another one is refused with 422; keeping its own name is fine', async (t) => {
  const { app, db } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  const rivage = await db.selectFrom('companies').select('id').where('name', '=', 'Banque du Rivage').executeTakeFirstOrThrow()
  await marc.get(`/admin/companies/${rivage.id}/edit`)
  const taken = await marc.post(`/admin/companies/${rivage.id}/edit`, companyFields({ name: 'Hexagone industries' }))
  t.equal(taken.statusCode, 422)
  t.match(taken.body, 'Une société s’appelle déjà « Hexagone Industries »')
  const own = await marc.post(`/admin/companies/${rivage.id}/edit`, companyFields({ name: 'BANQUE DU RIVAGE' }))
  t.equal(own.statusCode, 303)
})

t.test('a company id that is not a number, or no company’s, is a 404', async (t) => {
  const { app } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  for (const url of ['/admin/companies/abc', '/admin/companies/0', '/admin/companies/1e3', '/admin/companies/99999', '/admin/companies/-1/edit', '/admin/companies/99999/edit']) {
    t.equal((await marc.get(url)).statusCode, 404, url)
  }
})

t.test('a company’s page lists its contracts with their referent and its users with their account state', async (t) => {
  const { app, db } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  const rivage = await db.selectFrom('companies').select('id').where('name', '=', 'Banque du Rivage').executeTakeFirstOrThrow()
  const page = await marc.get(`/admin/companies/${rivage.id}`)
  t.equal(page.statusCode, 200)
  t.match(page.body, /href="\/admin\/contracts\/OCB0000301">OCB0000301<\/a>[\s\S]*Hélène Fabre · helene.fabre@rivage.example/)
  t.match(page.body, /Inès Garnier[\s\S]*?Bloqué après des échecs de connexion/, 'the locked demo user')
  t.match(page.body, `href="/admin/contracts/new?company=${rivage.id}"`)
})

t.test('the intra-community VAT number is stored normalised, shown on the company page, and its change audited', async (t) => {
  const { app, db } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  const hexagone = await db.selectFrom('companies').selectAll().where('name', '=', 'Hexagone Industries').executeTakeFirstOrThrow()
  const form = await marc.get(`/admin/companies/${hexagone.id}/edit`)
  t.match(form.body, 'Numéro de TVA intracommunautaire')
  const values = { name: 'Hexagone Industries', registration_number: hexagone.registration_number!, address: hexagone.address!, postal_code: hexagone.postal_code!,
    city: hexagone.city!, country: 'FR', account_manager_name: hexagone.account_manager_name ?? '', account_manager_email: hexagone.account_manager_email ?? '',
    account_manager_phone: hexagone.account_manager_phone ?? '' }
  const response = await marc.post(`/admin/companies/${hexagone.id}/edit`, { ...values, vat_number: ' fr 12 552 100 554 ' })
  t.equal(response.statusCode, 303)
  t.equal((await db.selectFrom('companies').select('vat_number').where('id', '=', hexagone.id).executeTakeFirstOrThrow()).vat_number, 'FR12552100554')
  const audit = await db.selectFrom('audit_log').select('details').where('action', '=', 'admin.company.updated').executeTakeFirstOrThrow()
  t.same(JSON.parse(audit.details!), { id: hexagone.id, before: { vat_number: null }, after: { vat_number: 'FR12552100554' } }, 'the audit diff holds only the VAT number')
  const page = await marc.get(`/admin/companies/${hexagone.id}`)
  t.match(page.body, /Numéro de TVA intracommunautaire<\/dt><dd>FR12552100554<\/dd>/)
  t.match((await marc.get(`/admin/companies/${hexagone.id}/edit`)).body, 'value="FR12552100554"')

  const cleared = await marc.post(`/admin/companies/${hexagone.id}/edit`, { ...values, vat_number: '' })
  t.equal(cleared.statusCode, 303)
  t.equal((await db.selectFrom('companies').select('vat_number').where('id', '=', hexagone.id).executeTakeFirstOrThrow()).vat_number, null, 'emptied, stored as null')
  const foreign = await marc.post(`/admin/companies/${hexagone.id}/edit`, { ...values, country: 'DE', registration_number: '', vat_number: 'de 123456789' })
  t.equal(foreign.statusCode, 303, 'another country: only the general shape is checked')
})

t.test('a VAT number of the wrong shape, or whose SIREN is not the French company’s, is refused with 422, the value kept, nothing written', async (t) => {
  const { app, db } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  const hexagone = await db.selectFrom('companies').select('id').where('name', '=', 'Hexagone Industries').executeTakeFirstOrThrow()
  await marc.get(`/admin/companies/${hexagone.id}/edit`)
  const auditRows = await countRows(db, 'audit_log')
  const cases: Array<[vat: string, kept: string, message: string]> = [
    ['D', 'D', 'un code pays de deux lettres suivi de 2 à 13 lettres ou chiffres'],
    ['12345678901', '12345678901', 'un code pays de deux lettres suivi de 2 à 13 lettres ou chiffres'],
    ['DE-123-456-789', 'DE-123-456-789', 'un code pays de deux lettres suivi de 2 à 13 lettres ou chiffres'],
    ['FR 12 55210055', 'FR1255210055', 'Un numéro de TVA français est FR, deux caractères de contrôle, puis le SIREN à 9 chiffres'],
    ['FR 12 912 345 679', 'FR12912345679', 'ils doivent être le numéro SIREN saisi, 552100554'],
    ['FR12552100554999', 'FR12552100554999', 'suivi de 2 à 13 lettres ou chiffres'],
    ['FR12A52100554', 'FR12A52100554', 'Un numéro de TVA français est FR'],
    ['FR 12 552 100 554 99999', 'FR1255210055499999', 'Utilisez au plus 16 caractères'],
  ]
  for (const [vat, kept, message] of cases) {
    const response = await marc.post(`/admin/companies/${hexagone.id}/edit`, companyFields({ name: 'Hexagone Industries', registration_number: '552 100 554', vat_number: vat }))
    t.equal(response.statusCode, 422, vat)
    t.match(response.body, message, vat)
    t.match(response.body, `value="${kept}"`, `${vat}: kept, normalised`)
  }
  t.equal((await db.selectFrom('companies').select('vat_number').where('id', '=', hexagone.id).executeTakeFirstOrThrow()).vat_number, null)
  t.equal(await countRows(db, 'audit_log'), auditRows)
})

t.test('the “create a tenant online” option is a checkbox of the company form: saved, shown on the company page, its change audited', async (t) => {
  const { app, db } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  const hexagone = await db.selectFrom('companies').selectAll().where('name', '=', 'Hexagone Industries').executeTakeFirstOrThrow()
  t.equal(hexagone.create_tenant_online, 0)
  const form = await marc.get(`/admin/companies/${hexagone.id}/edit`)
  t.match(form.body, /<input type="checkbox" id="create_tenant_online" name="create_tenant_online" value="yes">/, 'unticked for Hexagone')
  const values = { name: 'Hexagone Industries', registration_number: hexagone.registration_number!, address: hexagone.address!, postal_code: hexagone.postal_code!,
    city: hexagone.city!, country: 'FR', account_manager_name: hexagone.account_manager_name ?? '', account_manager_email: hexagone.account_manager_email ?? '',
    account_manager_phone: hexagone.account_manager_phone ?? '', vat_number: hexagone.vat_number ?? '' }
  t.equal((await marc.post(`/admin/companies/${hexagone.id}/edit`, { ...values, create_tenant_online: 'yes' })).statusCode, 303)
  t.equal((await db.selectFrom('companies').select('create_tenant_online').where('id', '=', hexagone.id).executeTakeFirstOrThrow()).create_tenant_online, 1)
  const audit = await db.selectFrom('audit_log').select('details').where('action', '=', 'admin.company.updated').executeTakeFirstOrThrow()
  t.same(JSON.parse(audit.details!), { id: hexagone.id, before: { create_tenant_online: 0 }, after: { create_tenant_online: 1 } })
  t.match((await marc.get(`/admin/companies/${hexagone.id}`)).body, /Création de tenant en ligne<\/dt><dd>Oui<\/dd>/)
  t.match((await marc.get(`/admin/companies/${hexagone.id}/edit`)).body, /id="create_tenant_online" name="create_tenant_online" value="yes" checked>/)
  await marc.post(`/admin/companies/${hexagone.id}/edit`, values)
  t.equal((await db.selectFrom('companies').select('create_tenant_online').where('id', '=', hexagone.id).executeTakeFirstOrThrow()).create_tenant_online, 0, 'unticked: off again')
})
