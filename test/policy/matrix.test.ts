// The rights matrix, generated from the rights table itself: for every
// section, every role it offers and every level a route can demand, a member
// gets 200 or 403 and a non-member 404. A probe route per (section, level)
// goes through the same guard as the app's routes.
import t, { type Test } from 'tap'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, freshDatabase } from '../helpers/app.js'
import { createCompany, createContract, createUser, grantRoles } from '../helpers/factories.js'
import { loginAs } from '../helpers/personas.js'
import { LEVELS, RIGHTS_TABLE, rank, type Level } from '../../src/policy/index.js'

const PASSWORD = 'Matrix#Pass2026'
const DEMANDED: Level[] = LEVELS.filter((level) => level !== 'none')

async function probes(app: FastifyInstance) {
  for (const { name: section } of RIGHTS_TABLE) {
    for (const level of DEMANDED) {
      app.get(`/__probe/:code/${section}/${level}`, { config: { policy: { section, level } } }, async () => 'ok')
    }
  }
}

async function setup(t: Test) {
  const db = await freshDatabase(t)
  const app = await buildTestApp(t, { db, extraRoutes: probes, config: { loginRateLimitPerIp: 10_000, loginRateLimitPerLogin: 10_000 } })
  const companyId = await createCompany(db)
  return { db, app, companyId }
}



t.test('every section × role × demanded level: 200 when the role reaches the level, else 403', async (t) => {
  const { db, app, companyId } = await setup(t)
  const contract = await createContract(db, { companyId, offer: 'fe' })
  for (const row of RIGHTS_TABLE) {
    for (const role of row.roles) {
      const user = await createUser(db, { password: PASSWORD })
      await grantRoles(db, contract, user.id, { contracts: 'visitor', [row.name]: role })
      const client = await loginAs(app, user.login, PASSWORD)
      for (const level of DEMANDED) {
        const expected = rank(role) >= rank(level) ? 200 : 403
        const response = await client.get(`/__probe/${contract.code}/${row.name}/${level}`)
        t.equal(response.statusCode, expected, `${row.name}: role ${role}, route needs ${level} → ${expected}`)
      }
    }
  }
})

t.test('a user with no role on the contract gets 404 on every section, like an unknown code', async (t) => {
  const { db, app, companyId } = await setup(t)
  const contract = await createContract(db, { companyId, offer: 'fe' })
  const other = await createContract(db, { companyId, offer: 'fe' })
  const user = await createUser(db, { password: PASSWORD })
  await grantRoles(db, other, user.id, 'highest')
  const client = await loginAs(app, user.login, PASSWORD)
  for (const { name } of RIGHTS_TABLE) {
    for (const level of DEMANDED) {
      t.equal((await client.get(`/__probe/${contract.code}/${name}/${level}`)).statusCode, 404, `${name}/${level} on a foreign contract`)
      t.equal((await client.get(`/__probe/OCB0000000/${name}/${level}`)).statusCode, 404, `${name}/${level} on an unknown code`)
    }
  }
})

t.test('the referent holds the manager role on every section of their contract, whatever is stored', async (t) => {
  const { db, app, companyId } = await setup(t)
  const referent = await createUser(db, { password: PASSWORD })
  const contract = await createContract(db, { companyId, offer: 'fe', referentId: referent.id })
  await grantRoles(db, contract, referent.id, { contracts: 'visitor' })
  const client = await loginAs(app, referent.login, PASSWORD)
  for (const row of RIGHTS_TABLE) {
    const highest = row.roles[row.roles.length - 1]!
    t.equal((await client.get(`/__probe/${contract.code}/${row.name}/${highest}`)).statusCode, 200, `${row.name}: ${highest}`)
  }
})

t.test('sections offered only on FE and FE HDS are closed on other offers, even to the referent', async (t) => {
  const { db, app, companyId } = await setup(t)
  const referent = await createUser(db, { password: PASSWORD })
  const contract = await createContract(db, { companyId, offer: 'cloud_avenue', referentId: referent.id })
  await grantRoles(db, contract, referent.id, 'highest')
  const client = await loginAs(app, referent.login, PASSWORD)
  for (const row of RIGHTS_TABLE.filter((row) => 'offers' in row)) {
    t.equal((await client.get(`/__probe/${contract.code}/${row.name}/visitor`)).statusCode, 403, `${row.name} on Cloud Avenue`)
  }
  t.equal((await client.get(`/__probe/${contract.code}/users/manager`)).statusCode, 200, 'other sections stay open')
})

t.test('a role stored above what its section offers counts as the highest offered one', async (t) => {
  const { db, app, companyId } = await setup(t)
  const contract = await createContract(db, { companyId, offer: 'fe' })
  const user = await createUser(db, { password: PASSWORD })
  await grantRoles(db, contract, user.id, { contracts: 'visitor' })
  await db.updateTable('contract_roles').set({ role: 'manager' }).where('user_id', '=', user.id).where('section', '=', 'orders').execute()
  const client = await loginAs(app, user.login, PASSWORD)
  t.equal((await client.get(`/__probe/${contract.code}/orders/manager`)).statusCode, 403, 'orders offers no manager role')
  t.equal((await client.get(`/__probe/${contract.code}/orders/visitor`)).statusCode, 403, 'an unknown stored role is the lowest one')
})

t.test('a 403 page names the role and section needed', async (t) => {
  const { db, app, companyId } = await setup(t)
  const contract = await createContract(db, { companyId, offer: 'fe' })
  const user = await createUser(db, { password: PASSWORD })
  await grantRoles(db, contract, user.id, { contracts: 'visitor' })
  const client = await loginAs(app, user.login, PASSWORD)
  const response = await client.get(`/__probe/${contract.code}/users/manager`)
  t.equal(response.statusCode, 403)
  t.match(response.body, 'This page needs the Manager role on the Users section')
})

t.test('a role change takes effect on the next request of an open session', async (t) => {
  const { db, app, companyId } = await setup(t)
  const contract = await createContract(db, { companyId, offer: 'fe' })
  const user = await createUser(db, { password: PASSWORD })
  await grantRoles(db, contract, user.id, { contracts: 'visitor', billing: 'manager' })
  const client = await loginAs(app, user.login, PASSWORD)
  t.equal((await client.get(`/__probe/${contract.code}/billing/manager`)).statusCode, 200)
  await db.updateTable('contract_roles').set({ role: 'visitor' }).where('user_id', '=', user.id).where('section', '=', 'billing').execute()
  t.equal((await client.get(`/__probe/${contract.code}/billing/manager`)).statusCode, 403)
  await db.deleteFrom('contract_roles').where('user_id', '=', user.id).execute()
  t.equal((await client.get(`/__probe/${contract.code}/billing/visitor`)).statusCode, 404)
})
