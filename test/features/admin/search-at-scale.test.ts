// The back-office searches as they were made fast for full scale (see
// bench/README.md, "Back-office (issue 6)"): a person's fields and a contract
// code match from their start, through indexes; names of companies and
// contracts anywhere; and a search matching many companies still answers.
import t, { type Test } from 'tap'
import { buildTestApp, freshDatabase } from '../../helpers/app.js'
import { createCompany, createContract, createUser } from '../../helpers/factories.js'
import { loginAsStaff, seedPersonas } from '../../helpers/personas.js'

async function setup(t: Test) {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  return { db, app: await buildTestApp(t, { db }) }
}

const profileLink = (login: string) => `href="/admin/users/${login}"`
const codesShown = (html: string) => [...html.matchAll(/<a href="\/admin\/contracts\/(OCB\d{7})">/g)].map((match) => match[1])

t.test('the users search matches a name, login or email from its start, not from its middle', async (t) => {
  const { app } = await setup(t)
  const thomas = await loginAsStaff(app, 'thomas.girard')
  for (const q of ['garn', 'Inès G', 'ines.gar', 'ines.garnier@riv']) t.match((await thomas.get(`/admin/users?q=${encodeURIComponent(q)}`)).body, profileLink('ines.garnier'), `found by ${q}`)
  t.notMatch((await thomas.get('/admin/users?q=arnier')).body, profileLink('ines.garnier'), 'the middle of a name is not searched')
})

t.test('a users search naming more companies than a query lists at once still answers with every account counted', async (t) => {
  const { db, app } = await setup(t)
  for (let n = 1; n <= 501; n += 1) await createUser(db, { companyId: await createCompany(db, `Bulkhead ${n}`) })
  const page = await (await loginAsStaff(app, 'thomas.girard')).get('/admin/users?q=bulkhead')
  t.equal(page.statusCode, 200)
  t.match(page.body, '<h2>501 accounts</h2>')
})

t.test('billing contacts match a contract code from its start, and a company or contract name anywhere', async (t) => {
  const { app } = await setup(t)
  const nadia = await loginAsStaff(app, 'nadia.benali')
  t.same(codesShown((await nadia.get('/admin/billing?q=OCB00001')).body), ['OCB0000100', 'OCB0000101', 'OCB0000102', 'OCB0000103'])
  t.same(codesShown((await nadia.get('/admin/billing?q=0000103')).body), [], 'the middle of a code is not searched')
  t.same(codesShown((await nadia.get('/admin/billing?q=du%20rivage')).body), ['OCB0000301', 'OCB0000302'])
})

t.test('a billing search past its last page shows the last page with the count of every match', async (t) => {
  const { db, app } = await setup(t)
  const company = await createCompany(db, 'Quartz Paging')
  for (let i = 0; i < 27; i++) await createContract(db, { companyId: company })
  const page = await (await loginAsStaff(app, 'nadia.benali')).get('/admin/billing?q=quartz&page=9')
  t.match(page.body, '27 contracts')
  t.equal(codesShown(page.body).length, 2)
})

t.test('a companies search matching more contracts than a query lists at once still finds their companies', async (t) => {
  const { db, app } = await setup(t)
  const company = await createCompany(db, 'Many Contracts SA')
  for (let i = 0; i < 501; i++) await createContract(db, { companyId: company })
  const page = await (await loginAsStaff(app, 'marc.lefevre')).get('/admin/companies?q=ocb9')
  t.equal(page.statusCode, 200)
  t.match(page.body, />Many Contracts SA<\/a>/)
})
