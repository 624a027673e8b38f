// The demo data set's people, logged in through the real login page.
import type { FastifyInstance } from 'fastify'
import { DEMO_PASSWORD, seedDemo } from '../../scripts/seed-demo.js'
import type { DB } from '../../src/db/database.js'
import { Client } from './client.js'

export { DEMO_PASSWORD }

/** Seeds the demo companies, contracts and users (see scripts/seed-demo.ts). */
export async function seedPersonas(db: DB): Promise<void> {
  await seedDemo(db)
}

/** A client signed in as `login` through GET /login and POST /login. */
export async function loginAs(app: FastifyInstance, login: string, password = DEMO_PASSWORD): Promise<Client> {
  const client = new Client(app)
  await client.get('/login')
  const response = await client.post('/login', { login, password })
  if (response.statusCode !== 303) throw new Error(`login as ${login} failed: ${response.statusCode}`)
  await client.get('/')
  return client
}
