// The demo data set's people, logged in through the real login page.
import type { FastifyInstance } from 'fastify'
import otplib from 'otplib'
import { DEMO_PASSWORD, seedDemo } from '../../scripts/seed-demo.js'
import type { DB } from '../../src/db/database.js'
import { totpBox } from '../../src/features/security/totp.js'
import { Client } from './client.js'

export { DEMO_PASSWORD }

const { authenticator } = otplib

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

/** A staff member signed in with both factors, as staff must be: their
 * account gets a known TOTP secret (as if enrolled), then logs in through
 * POST /login and POST /login/2fa. Lands on /admin. */
export async function loginAsStaff(app: FastifyInstance, login: string): Promise<Client> {
  const secret = authenticator.generateSecret(20)
  await app.db.updateTable('users')
    .set({ totp_secret: totpBox(app.config.sessionSecret).seal(secret), totp_enabled_at: new Date().toISOString(), totp_last_step: null })
    .where('login', '=', login).execute()
  const client = new Client(app)
  await client.get('/login')
  const password = await client.post('/login', { login, password: DEMO_PASSWORD })
  if (password.headers.location !== '/login/2fa') throw new Error(`staff login as ${login} failed: ${password.statusCode}`)
  await client.get('/login/2fa')
  const code = await client.post('/login/2fa', { code: authenticator.generate(secret) })
  if (code.statusCode !== 303) throw new Error(`staff code for ${login} refused: ${code.statusCode}`)
  await client.get('/admin')
  return client
}
