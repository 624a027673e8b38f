// Who reaches the back-office: staff with two factors, by role; never a customer.
import t, { type Test } from 'tap'
import { buildTestApp, freshDatabase } from '../../helpers/app.js'
import { loginAs, loginAsStaff, seedPersonas } from '../../helpers/personas.js'
import { STAFF_TABLE, staffCan } from '../../../src/policy/index.js'

async function setup(t: Test) {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  return { db, app: await buildTestApp(t, { db }) }
}
t.test('a customer gets 404 for /admin and any URL under it, even a referent', async (t) => {
  const { app } = await setup(t)
  const alice = await loginAs(app, 'alice.martin')
  for (const url of ['/admin', '/admin/', '/admin/companies', '/admin/users', '/admin/anything/at/all']) {
    t.equal((await alice.get(url)).statusCode, 404, url)
  }
})

t.test('an anonymous visitor of /admin is sent to the login page', async (t) => {
  const { app } = await setup(t)
  const response = await app.inject({ url: '/admin' })
  t.equal(response.statusCode, 302)
  t.equal(response.headers.location, '/login?next=%2Fadmin')
})

t.test('a staff member without two factors is sent to enrol at login, and /admin stays closed until they do', async (t) => {
  const { app } = await setup(t)
  const sophie = await loginAs(app, 'sophie.durand')
  const home = await sophie.get('/')
  t.equal(home.headers.location, '/admin', 'the staff home is the back-office')
  const admin = await sophie.get('/admin')
  t.equal(admin.statusCode, 303)
  t.equal(admin.headers.location, '/account/security')
  const security = await sophie.get('/account/security')
  t.match(security.body, 'Les comptes du personnel doivent utiliser la double authentification')
})

t.test('a staff member with two factors opens the back-office and sees what needs action', async (t) => {
  const { app, db } = await setup(t)
  await db.updateTable('users').set({ locked_until: new Date(Date.now() + 3_600_000).toISOString() }).where('login', '=', 'bruno.petit').execute()
  const thomas = await loginAsStaff(app, 'thomas.girard')
  const page = await thomas.get('/admin')
  t.equal(page.statusCode, 200)
  t.match(page.body, '<h1>Back-office</h1>')
  t.match(page.body, /<span class="tile__count">2<\/span>\s*<a class="tile__label" href="\/admin\/users\?state=locked">accounts locked/, 'ines (demo) and bruno are locked')
  t.match(page.body, 'Your roles: Support.')
})

t.test('the staff table: admin opens every area, each other role exactly its own', async (t) => {
  for (const row of STAFF_TABLE) {
    t.ok(staffCan(['admin'], row.area), `admin opens ${row.area}`)
    for (const role of ['support', 'billing', 'account_manager'] as const) {
      t.equal(staffCan([role], row.area), (row.roles as readonly string[]).includes(role), `${role} on ${row.area}`)
    }
  }
  t.notOk(staffCan([], 'dashboard'), 'no role opens nothing')
})
