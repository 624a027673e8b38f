// The back-office's reach, generated from the app's own routes and the staff
// table: every /admin route (GET and POST), asked by each staff role, answers
// 403 exactly when the table doesn't open its area, and 404 to a customer —
// a referent included. New /admin routes join the matrix by existing.
import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, freshDatabase } from '../helpers/app.js'
import { loginAs, loginAsStaff, seedPersonas } from '../helpers/personas.js'
import type { Client } from '../helpers/client.js'
import { staffCan, STAFF_ROLES, type StaffArea, type StaffRole } from '../../src/policy/index.js'

// One demo persona per staff role (scripts/seed-demo.ts).
const PERSONA: Record<StaffRole, string> = {
  admin: 'sophie.durand', support: 'thomas.girard', billing: 'nadia.benali', account_manager: 'marc.lefevre',
}

// Sample values for route parameters: the guard decides before any lookup,
// so a refused request is a 403 whether or not the record exists.
const SAMPLES: Record<string, string> = { code: 'OCB0000101', id: '1', login: 'alice.martin' }

function adminRoutes(app: FastifyInstance) {
  return app.declaredRoutes()
    .filter((route) => route.url === '/admin' || route.url.startsWith('/admin/'))
    .map((route) => ({ method: route.method, area: (JSON.parse(route.policy) as { staff: StaffArea }).staff,
      url: route.url.replace(/:(\w+)/g, (_, name: string) => SAMPLES[name] ?? '1') }))
}

async function ask(client: Client, route: { method: string; url: string }) {
  if (route.method === 'GET') return client.get(route.url)
  await client.get('/account') // a page with a form: a valid CSRF token for the POST
  return client.post(route.url, {})
}

const db = await freshDatabase(t)
await seedPersonas(db)
const app = await buildTestApp(t, { db, config: { loginRateLimitPerIp: 10_000, loginRateLimitPerLogin: 10_000 } })
const routes = adminRoutes(app)

t.test('the back-office has routes in every area of the staff table it shows in its menu', async (t) => {
  t.ok(routes.length > 0)
  t.ok(routes.some((route) => route.url === '/admin'))
})

for (const role of STAFF_ROLES) {
  t.test(`${role} (${PERSONA[role]}): 403 on exactly the /admin routes whose area the staff table doesn't open to ${role}`, async (t) => {
    const client = await loginAsStaff(app, PERSONA[role])
    for (const route of routes) {
      const response = await ask(client, route)
      const opens = staffCan([role], route.area)
      if (opens) t.not(response.statusCode, 403, `${route.method} ${route.url} (${route.area}) opens to ${role}`)
      else t.equal(response.statusCode, 403, `${route.method} ${route.url} (${route.area}) is closed to ${role}`)
      t.ok(response.statusCode < 500, `${route.method} ${route.url}: no server error (${response.statusCode})`)
    }
  })
}

t.test('a customer, even a referent, gets 404 on every /admin route', async (t) => {
  const alice = await loginAs(app, 'alice.martin')
  for (const route of routes) {
    t.equal((await ask(alice, route)).statusCode, 404, `${route.method} ${route.url}`)
  }
})
