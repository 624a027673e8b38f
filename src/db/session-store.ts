// The @fastify/session store, kept in the `sessions` table so that sessions
// survive restarts and can be shared by several instances. Expiry is checked
// on read; purgeExpiredSessions() deletes dead rows on a timer.
import type { DB } from './database.js'

export interface SessionLimits {
  idleMs: number
  absoluteMs: number
}

/** What we keep in a session besides the library's own fields. */
export interface SessionTimes {
  userId?: number
  loginAt?: number
  seenAt?: number
}

type Callback = (error?: unknown) => void
type GetCallback = (error: unknown, session?: any) => void

export class DatabaseSessionStore {
  constructor(private readonly db: DB, private readonly limits: SessionLimits) {}

  get(id: string, callback: GetCallback): void {
    this.db
      .selectFrom('sessions')
      .select(['data', 'expires_at'])
      .where('id', '=', id)
      .executeTakeFirst()
      .then((row) => (!row || row.expires_at <= new Date().toISOString() ? null : JSON.parse(row.data)))
      .then((session) => callback(null, session), callback)
      .catch(reportCallbackFailure)
  }

  set(id: string, session: SessionTimes & object, callback: Callback): void {
    const now = new Date()
    const row = {
      id,
      user_id: session.userId ?? null,
      data: JSON.stringify(session),
      expires_at: this.expiresAt(session, now.getTime()),
      updated_at: now.toISOString(),
    }
    this.db
      .insertInto('sessions')
      .values(row)
      .onConflict((oc) => oc.column('id').doUpdateSet({ user_id: row.user_id, data: row.data, expires_at: row.expires_at, updated_at: row.updated_at }))
      .execute()
      .then(() => callback(), callback)
      .catch(reportCallbackFailure)
  }

  destroy(id: string, callback: Callback): void {
    this.db
      .deleteFrom('sessions')
      .where('id', '=', id)
      .execute()
      .then(() => callback(), callback)
      .catch(reportCallbackFailure)
  }

  // The earlier of the idle limit (from the last time the user was seen) and
  // the absolute limit (from login).
  private expiresAt(session: SessionTimes, now: number): string {
    const idleEnd = (session.seenAt ?? now) + this.limits.idleMs
    const absoluteEnd = session.loginAt === undefined ? idleEnd : session.loginAt + this.limits.absoluteMs
    return new Date(Math.min(idleEnd, absoluteEnd)).toISOString()
  }
}

// A throw inside the library's callback (while it finishes the reply) must not
// become an unhandled rejection, which would end the process.
function reportCallbackFailure(error: unknown): void {
  process.emitWarning(`session store callback failed: ${(error as Error).message}`)
}

export async function purgeExpiredSessions(db: DB): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<=', new Date().toISOString()).executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** Ends every session of a user, except optionally the current one. */
export async function endSessionsOfUser(db: DB, userId: number, exceptId?: string): Promise<void> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId)
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId)
  await query.execute()
}
