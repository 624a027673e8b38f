// Security headers first (so even early 403/413/429 answers carry them), and
// the CSRF check on every state-changing request, login included.
import fastifyCsrf from '@fastify/csrf-protection'
import fastifyHelmet from '@fastify/helmet'
import fp from 'fastify-plugin'
import helmet from 'helmet'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Config } from '../config.js'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export const helmetPlugin = fp(async (app) => {
  await app.register(fastifyHelmet, helmetOptions(app.config))
})

/** The same headers for answers Fastify gives before any hook runs (a
 * malformed URL): see errors.ts, renderFrameworkError. */
export function applySecurityHeaders(config: Config, request: FastifyRequest, reply: FastifyReply): void {
  securityMiddleware ??= helmet(helmetOptions(config))
  securityMiddleware(request.raw, reply.raw, () => {})
}
let securityMiddleware: ReturnType<typeof helmet> | undefined

function helmetOptions(config: Config) {
  const https = config.publicUrl.startsWith('https:')
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' as const },
    hsts: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  }
}

/** Registered after the auth plugin: an anonymous POST to a private page is
 * sent to the login page rather than told its form expired. */
export const csrfPlugin = fp(async (app) => {
  await app.register(fastifyCsrf, { sessionPlugin: '@fastify/session' })
  app.addHook('preHandler', (request, reply, done) => {
    if (SAFE_METHODS.has(request.method)) return done()
    app.csrfProtection(request, reply, done)
  })
})
