// What the app adds to Fastify's types: its dependencies on the instance,
// the user, rights and language on the request, the policy on each route,
// and our fields in the session.
import type { Config } from '../config.js'
import type { DB } from '../db/database.js'
import type { Locale, Translator } from '../i18n/index.js'
import type { Rights, RoutePolicy, StaffRights } from '../policy/index.js'
import type { CurrentUser } from '../features/auth/auth.queries.js'
import type { Flash } from '../plugins/flash.js'

declare module 'fastify' {
  interface FastifyInstance {
    config: Config
    db: DB
  }
  interface FastifyRequest {
    i18n: Translator
    user: CurrentUser | undefined
    rights: Rights | undefined
    /** Set by the staff guard on /admin routes. */
    staff: StaffRights | undefined
  }
  interface FastifyContextConfig {
    /** Reachable without logging in. */
    public?: boolean
    /** Every non-public route declares one; see src/plugins/route-policy.ts. */
    policy?: RoutePolicy
  }
  interface Session {
    userId?: number
    /** ms since epoch: the absolute lifetime runs from here. */
    loginAt?: number
    /** ms since epoch: the idle timeout runs from here; refreshed once a minute. */
    seenAt?: number
    lang?: Locale
    flash?: Flash[]
    ip?: string
    userAgent?: string
    /** Password accepted, TOTP code still to give (see login-2fa.routes.ts). */
    pending?: { userId: number; at: number; next: string; attempts: number }
  }
}
export {}
