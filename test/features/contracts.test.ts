import t, { type Test } from 'tap'
import { buildTestApp, freshDatabase } from '../helpers/app.js'
import { demoAccounts } from '../../scripts/seed-demo.js'
import { loginAs, seedPersonas } from '../helpers/personas.js'

async function setup(t: Test) {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  return buildTestApp(t, { db, config: { loginRateLimitPerIp: 10_000 } })
}

t.test('each demo user sees exactly the contracts they hold a role on', async (t) => {
  const app = await setup(t)
  for (const account of demoAccounts().filter((a) => !a.locked && a.staff.length === 0)) {
    const client = await loginAs(app, account.login)
    const home = await client.get('/')
    t.equal(home.statusCode, 200)
    const shown = [...home.body.matchAll(/href="\/contracts\/(OCB\d{7})"/g)].map((m) => m[1]).sort()
    t.same(shown, account.contracts.map((c) => c.code).sort(), `${account.login}'s dashboard`)
  }
})

t.test('staff hold no contract: their home is the back-office', async (t) => {
  const app = await setup(t)
  const client = await loginAs(app, 'thomas.girard')
  const home = await client.get('/')
  t.equal(home.statusCode, 302)
  t.equal(home.headers.location, '/admin')
})

t.test('a user whose last contract access was deleted during the session is told so', async (t) => {
  const app = await setup(t)
  const client = await loginAs(app, 'laura.vidal')
  await app.db.deleteFrom('contract_roles').where('user_id', '=', (await app.db.selectFrom('users').select('id').where('login', '=', 'laura.vidal').executeTakeFirstOrThrow()).id).execute()
  t.match((await client.get('/')).body, 'You are not declared on any contract yet')
})

t.test('contract details show the summary, the company to contract managers and my rights', async (t) => {
  const app = await setup(t)
  const client = await loginAs(app, 'helene.fabre')
  const page = await client.get('/contracts/OCB0000301')
  t.equal(page.statusCode, 200)
  t.match(page.body, '<h1>Rivage Core Banking')
  t.match(page.body, 'RIV-CB-01')
  t.match(page.body, 'Banque du Rivage')
  t.match(page.body, /45\s000,00\s€/u, 'the budget in euros, written the French way for a French user')
  t.match(page.body, 'Vous êtes le référent de ce contrat')
})

t.test('a contracts visitor sees the contract without company information', async (t) => {
  const app = await setup(t)
  const client = await loginAs(app, 'chloe.bernard')
  const page = await client.get('/contracts/OCB0000101')
  t.equal(page.statusCode, 200)
  t.notMatch(page.body, 'Hexagone Industries')
  t.notMatch(page.body, '552 100 554')
  t.match(page.body, 'Company information is shown to users with the manager role on Contracts')
})

t.test('console roles are listed on FE contracts', async (t) => {
  const app = await setup(t)
  const client = await loginAs(app, 'julien.blanc')
  const page = await client.get('/contracts/OCB0000301')
  t.match(page.body, 'Flexible Engine console: Guest')
  t.match(page.body, 'Flexible Engine console: Power user')
  t.match(page.body, 'Backup console: Cust_admin')
})

t.test('a contract of another company answers 404, exactly like an unknown code', async (t) => {
  const app = await setup(t)
  const client = await loginAs(app, 'alice.martin')
  const foreign = await client.get('/contracts/OCB0000301')
  const unknown = await client.get('/contracts/OCB9999999')
  t.equal(foreign.statusCode, 404)
  t.equal(unknown.statusCode, 404)
  const strip = (html: string) => html.replace(/value="[^"]*"/g, '')
  t.equal(strip(foreign.body), strip(unknown.body), 'no difference that would tell the contract exists')
})

t.test('a multi-services grouping contract says it groups billing and cannot be edited', async (t) => {
  const app = await setup(t)
  const client = await loginAs(app, 'david.moreau')
  const page = await client.get('/contracts/OCB0000100?lang=en')
  t.match(page.body, 'This multi-services contract groups the billing of several contracts')
})

t.test('authenticated pages are not cached and carry the security headers', async (t) => {
  const app = await setup(t)
  const client = await loginAs(app, 'chloe.bernard')
  const page = await client.get('/contracts/OCB0000101')
  t.equal(page.headers['cache-control'], 'no-store')
  t.match(String(page.headers['content-security-policy']), "script-src 'self'")
  t.match(String(page.headers['content-security-policy']), "frame-ancestors 'none'")
  t.equal(page.headers['x-frame-options'], 'DENY')
})

t.test('the dashboard says, per contract, which sections the user manages and which they only visit', async (t) => {
  const app = await setup(t)
  const client = await loginAs(app, 'farid.haddad')
  const home = await client.get('/')
  t.match(home.body, '<strong>Manager</strong>: Contracts, Catalog / Services, Users')
  t.match(home.body, '<strong>Visitor</strong>: Contracts, Bills')
})

t.test('the contract page links the consoles a user may open, when the portal knows their address', async (t) => {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  const app = await buildTestApp(t, { db, config: { consoleUrls: { fe: 'https://console.example/fe?project={contract}', backup: 'https://backup.example/{contract}' } } })
  const julien = await loginAs(app, 'julien.blanc') // FE guest + power user, backup cust_admin on OCB0000301
  const page = (await julien.get('/contracts/OCB0000301?lang=en')).body
  t.match(page, 'href="https://backup.example/OCB0000301"')
  t.notMatch(page, 'console.example/fe', 'no FE console link without the Admin console role')
  const bruno = await loginAs(app, 'bruno.petit') // FE admin on OCB0000102
  t.match((await bruno.get('/contracts/OCB0000102')).body, 'href="https://console.example/fe?project=OCB0000102"')
})

t.test('a multi-services contract lists the contracts it groups, read-only, linking only those the user holds', async (t) => {
  const app = await setup(t)
  const david = await loginAs(app, 'david.moreau') // referent of OCB0000100, not declared on the grouped OCB0000101/102
  const page = (await david.get('/contracts/OCB0000100?lang=en')).body
  t.match(page, 'Contracts grouped under this one')
  t.match(page, 'Hexagone Production')
  t.match(page, 'Hexagone Santé')
  t.notMatch(page, 'href="/contracts/OCB0000101"', 'no link to a contract the user holds no role on')
})

t.test('a grouped contract says which contract groups its billing', async (t) => {
  const app = await setup(t)
  const chloe = await loginAs(app, 'chloe.bernard')
  t.match((await chloe.get('/contracts/OCB0000101')).body, 'The billing of this contract is grouped under Hexagone Groupe (OCB0000100).')
})

t.test('the contract page shows the support level and its commitment end', async (t) => {
  const app = await setup(t)
  const chloe = await loginAs(app, 'chloe.bernard')
  const page = (await chloe.get('/contracts/OCB0000101')).body
  t.match(page, '<h2 id="support-heading">Support level</h2>')
  t.match(page, 'Current level: Business')
  t.match(page, 'Committed until 31 March 2027: until then the level can only go up.')
})

t.test('the contract page shows the budget to billing visitors, without amounts, and not to others', async (t) => {
  const app = await setup(t)
  const chloe = await loginAs(app, 'chloe.bernard') // billing visitor
  const page = (await chloe.get('/contracts/OCB0000101')).body
  t.match(page, '<h2 id="budget-heading">Budget</h2>')
  t.match(page, 'of the monthly budget consumed since the 1st.')
  t.notMatch(page, 'out of a budget of', 'amounts are for billing managers')
  const karine = await loginAs(app, 'karine.lopez') // no billing role, contracts visitor
  t.notMatch((await karine.get('/contracts/OCB0000101')).body, 'budget-heading')
})
