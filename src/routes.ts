// THE route table: every feature with its prefix. Read it as the list of what
// the application exposes; each route declares its own policy.
import type { FastifyInstance } from 'fastify'
import { loginRoutes } from './features/auth/login.routes.js'
import { logoutRoutes } from './features/auth/logout.routes.js'
import { contractsRoutes } from './features/contracts/contracts.routes.js'
import { healthRoutes } from './features/health/health.routes.js'
import { homeRoutes } from './features/home/home.routes.js'
import { langRoutes } from './features/lang/lang.routes.js'

export async function routes(app: FastifyInstance) {
  await app.register(healthRoutes)
  await app.register(loginRoutes)
  await app.register(logoutRoutes)
  await app.register(langRoutes)
  await app.register(homeRoutes)
  await app.register(contractsRoutes)
}
