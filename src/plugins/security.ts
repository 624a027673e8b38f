// Security headers first (so even early 403/413/429 answers carry them), and
// the CSRF check on every state-changing request, login included.
import fastifyCsrf from '@fastify/csrf-protection'
import fastifyHelmet from '@fastify/helmet'
import fp from 'fastify-plugin'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export const helmetPlugin = fp(async (app) => {
  const https = app.config.publicUrl.startsWith('https:')
  await app.register(fastifyHelmet, {
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
    frameguard: { action: 'deny' },
    hsts: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  })
})

/** Registered after the auth plugin: an anonymous POST to a private page is
 * sent to the login page rather than told its form expired. */
export const csrfPlugin = fp(async (app) => {
  await app.register(fastifyCsrf, { sessionPlugin: '@fastify/session' })
  app.addHook('preHandler', (request, reply, done) => {
    if (SAFE_METHODS.has(request.method)) return done()
    app.csrfProtection(request, reply, done)
  })
})
