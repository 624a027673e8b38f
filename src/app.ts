// buildApp(deps): the whole application without listening, so tests and the
// server build the same thing. Plugins go in a fixed order; each one's place
// matters (see the comments).
import fastifyFormbody from '@fastify/formbody'
import fastifyRateLimit from '@fastify/rate-limit'
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import { randomUUID } from 'node:crypto'
import type { Config } from './config.js'
import type { DB } from './db/database.js'
import { databaseRateLimitStore } from './db/rate-limit-store.js'
import { authPlugin } from './plugins/auth.js'
import { errorsPlugin, renderFrameworkError } from './plugins/errors.js'
import { flashPlugin } from './plugins/flash.js'
import { i18nPlugin } from './plugins/i18n.js'
import { routePolicyPlugin } from './plugins/route-policy.js'
import { csrfPlugin, helmetPlugin } from './plugins/security.js'
import { sessionPlugin } from './plugins/session.js'
import { staticFiles } from './plugins/static.js'
import { viewPlugin } from './plugins/view.js'
import { routes } from './routes.js'

import './types/fastify.js'

export interface AppDeps {
  config: Config
  db: DB
  /** Extra routes, registered after the app's own (tests add probes here). */
  extraRoutes?: (app: FastifyInstance) => Promise<void>
  /** Where JSON log lines go; stdout when absent (tests capture them here). */
  logStream?: { write(line: string): void }
}

export async function buildApp({ config, db, extraRoutes, logStream }: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(config, logStream),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: () => randomUUID(),
    frameworkErrors: renderFrameworkError,
  })
  app.decorate('config', config)
  app.decorate('db', db)

  await app.register(helmetPlugin) // first: every answer, even an early 413 or 429, gets the headers
  await app.register(routePolicyPlugin) // before any route is added
  await app.register(fastifyFormbody)
  await app.register(sessionPlugin)
  await app.register(flashPlugin)
  await app.register(viewPlugin)
  await app.register(authPlugin) // preHandler: loads the user
  await app.register(i18nPlugin) // onRequest after the session's; its ?lang= preHandler after auth's
  await app.register(csrfPlugin) // preHandler, after auth
  await app.register(fastifyRateLimit, { global: false, store: databaseRateLimitStore(db) }) // counters in the database: one per-IP limit across instances
  await app.register(errorsPlugin)
  await app.register(staticFiles)
  await app.register(routes)
  if (extraRoutes) await app.register(extraRoutes)
  return app
}

// Request logs carry the method, path and status; never bodies, cookies, or
// the query string (a reset token may travel there).
function loggerOptions(config: Config, stream: AppDeps['logStream']): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    ...(stream ? { stream } : {}),
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'], remove: true },
    serializers: {
      req: (req) => ({ method: req.method, url: redactUrl(String(req.url)), remoteAddress: req.ip }),
    },
  }
}

/** The path without its query, and without the token of a password link. */
export function redactUrl(url: string): string {
  return (url.split('?', 1)[0] ?? '').replace(/^\/password\/reset\/[^/]+/, '/password/reset/[token]')
}
