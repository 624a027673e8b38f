// The back-office's billing contacts: per contract, its references and who
// receives its invoices; billing staff and admin only.
import t, { type Test } from 'tap'
import { buildTestApp, freshDatabase } from '../../helpers/app.js'
import { loginAs, loginAsStaff, seedPersonas } from '../../helpers/personas.js'
import { createCompany, createContract } from '../../helpers/factories.js'

async function setup(t: Test) {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  return { db, app: await buildTestApp(t, { db }) }
}

/** The contract codes of the table's rows, in page order. */
const codesShown = (html: string) => [...html.matchAll(/<a href="\/admin\/contracts\/(OCB\d{7})">/g)].map((match) => match[1])

t.test('a support staff member gets 403 on billing contacts, billing staff and admin open them, a customer gets 404', async (t) => {
  const { app } = await setup(t)
  const thomas = await loginAsStaff(app, 'thomas.girard')
  const refused = await thomas.get('/admin/billing')
  t.equal(refused.statusCode, 403)
  t.match(refused.body, 'This part of the back-office is open to these staff roles: Administrator, Billing.')
  t.equal((await thomas.get('/admin/billing.csv')).statusCode, 403)
  t.equal((await (await loginAsStaff(app, 'marc.lefevre')).get('/admin/billing')).statusCode, 403, 'account manager')
  t.equal((await (await loginAsStaff(app, 'nadia.benali')).get('/admin/billing')).statusCode, 200)
  t.equal((await (await loginAsStaff(app, 'sophie.durand')).get('/admin/billing')).statusCode, 200)
  t.equal((await (await loginAs(app, 'alice.martin')).get('/admin/billing')).statusCode, 404)
})

t.test('each contract shows its company, offer, status, references, referent and every billing manager with their emails', async (t) => {
  const { app } = await setup(t)
  const page = await (await loginAsStaff(app, 'nadia.benali')).get('/admin/billing')
  t.same(codesShown(page.body), ['OCB0000201', 'OCB0000202', 'OCB0000301', 'OCB0000302', 'OCB0000100', 'OCB0000101', 'OCB0000102', 'OCB0000103'], 'by company name, then code')
  t.match(page.body, '8 contracts')
  const row = page.body.slice(page.body.indexOf('<a href="/admin/contracts/OCB0000101">'), page.body.indexOf('<a href="/admin/contracts/OCB0000102">'))
  t.match(row, 'Hexagone Production')
  t.match(row, 'Flexible Engine')
  t.match(row, 'REF1: PO-2026-0142')
  t.match(row, 'REF3: —')
  t.match(row, /Referent[^]*Alice Martin<br><a href="mailto:alice\.martin@hexagone\.example">/)
  t.match(row, 'Bruno Petit · <a href="mailto:bruno.petit@hexagone.example">bruno.petit@hexagone.example</a>', 'a billing manager')
  t.notMatch(row, 'chloe.bernard', 'a billing visitor receives no invoice')
  const rivage = page.body.slice(page.body.indexOf('<a href="/admin/contracts/OCB0000301">'), page.body.indexOf('<a href="/admin/contracts/OCB0000302">'))
  t.match(rivage, 'Inès Garnier · <a href="mailto:ines.garnier@rivage.example">', 'a locked billing manager still receives invoices')
})

t.test('the search finds contracts by company name, contract code or contract name, whatever the case', async (t) => {
  const { app } = await setup(t)
  const nadia = await loginAsStaff(app, 'nadia.benali')
  t.same(codesShown((await nadia.get('/admin/billing?q=rivage')).body), ['OCB0000301', 'OCB0000302'])
  t.same(codesShown((await nadia.get('/admin/billing?q=ocb0000103')).body), ['OCB0000103'])
  t.same(codesShown((await nadia.get('/admin/billing?q=SANT%C3%89')).body), ['OCB0000102'])
  t.same(codesShown((await nadia.get('/admin/billing?q=_')).body), [], 'an underscore is a character, not a wildcard')
  const none = await nadia.get('/admin/billing?q=nothing%20like%20this')
  t.match(none.body, 'No contract matches this search.')
  t.match(none.body, 'value="nothing like this"')
})

t.test('a search over 100 characters answers 422 with a message on the field', async (t) => {
  const { app } = await setup(t)
  const page = await (await loginAsStaff(app, 'nadia.benali')).get(`/admin/billing?q=${'x'.repeat(101)}`)
  t.equal(page.statusCode, 422)
  t.match(page.body, /id="q-error">.*Enter at most 100 characters/s)
})

t.test('the list is paged by 25 with its total count', async (t) => {
  const { app, db } = await setup(t)
  const company = await createCompany(db, 'Zénith Paging')
  for (let i = 0; i < 30; i++) await createContract(db, { companyId: company })
  const nadia = await loginAsStaff(app, 'nadia.benali')
  const first = await nadia.get('/admin/billing?q=z%C3%A9nith')
  t.match(first.body, '30 contracts')
  t.equal(codesShown(first.body).length, 25)
  t.match(first.body, 'href="/admin/billing?q=z%C3%A9nith&amp;page=2"')
  t.equal(codesShown((await nadia.get('/admin/billing?q=z%C3%A9nith&page=2')).body).length, 5)
})

t.test('the CSV lists the same contracts with their billing contacts, values quoted and formulas neutralised', async (t) => {
  const { app, db } = await setup(t)
  await db.updateTable('contracts').set({ ref2: '=HYPERLINK("http://evil.example")', ref3: 'say "hi"' }).where('code', '=', 'OCB0000101').execute()
  const csv = await (await loginAsStaff(app, 'nadia.benali')).get('/admin/billing.csv?q=hexagone%20production')
  t.equal(csv.statusCode, 200)
  t.match(csv.headers['content-type'], 'text/csv; charset=utf-8')
  t.match(csv.headers['content-disposition'], 'filename="billing-contacts.csv"')
  const lines = csv.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n')
  t.equal(lines[0], '"Company","Contract code","Contract name","Offer","Status","REF1","REF2","REF3","Referent","Referent’s email","Billing managers"')
  t.equal(lines[1], '"Hexagone Industries","OCB0000101","Hexagone Production","Flexible Engine","Active","PO-2026-0142","\'=HYPERLINK(""http://evil.example"")","say ""hi""","Alice Martin","alice.martin@hexagone.example","Alice Martin <alice.martin@hexagone.example>; Bruno Petit <bruno.petit@hexagone.example>"')
  t.equal(lines.length, 2)
})
