import { createHash } from 'node:crypto'
import type { Executor } from '../../db/database.js'

export function findSecurityState(db: Executor, userId: number) {
  return db.selectFrom('users').select(['id', 'login', 'password_hash', 'totp_secret', 'totp_enabled_at', 'is_staff'])
    .where('id', '=', userId).executeTakeFirstOrThrow()
}

export type SecurityState = Awaited<ReturnType<typeof findSecurityState>>

/** A session's public handle: its id is a bearer secret, never put in a page. */
export function sessionHandle(sessionId: string): string {
  return createHash('sha256').update(sessionId).digest('hex').slice(0, 24)
}

export async function listSessions(db: Executor, userId: number, currentId: string) {
  const rows = await db.selectFrom('sessions').select(['id', 'data']).where('user_id', '=', userId)
    .where('expires_at', '>', new Date().toISOString()).execute()
  return rows
    .map((row) => {
      const data = JSON.parse(row.data) as { loginAt?: number; seenAt?: number; ip?: string; userAgent?: string }
      return { handle: sessionHandle(row.id), current: row.id === currentId, startedAt: data.loginAt, seenAt: data.seenAt, ip: data.ip, browser: describeBrowser(data.userAgent) }
    })
    .sort((a, b) => Number(b.current) - Number(a.current) || (b.seenAt ?? 0) - (a.seenAt ?? 0))
}

/** Ends one session of the user by its handle; false when it is not theirs. */
export async function endSessionByHandle(db: Executor, userId: number, handle: string): Promise<boolean> {
  const rows = await db.selectFrom('sessions').select('id').where('user_id', '=', userId).execute()
  const target = rows.find((row) => sessionHandle(row.id) === handle)
  if (!target) return false
  await db.deleteFrom('sessions').where('id', '=', target.id).execute()
  return true
}

// "Firefox on Linux" is what a person recognises; the raw user agent is not.
function describeBrowser(userAgent: string | undefined): string {
  if (!userAgent) return '—'
  const browser = /Edg\//.test(userAgent) ? 'Edge' : /Firefox\//.test(userAgent) ? 'Firefox' : /Chrom(e|ium)\//.test(userAgent) ? 'Chrome' : /Safari\//.test(userAgent) ? 'Safari' : null
  const system = /Android/.test(userAgent) ? 'Android' : /iPhone|iPad/.test(userAgent) ? 'iOS' : /Windows/.test(userAgent) ? 'Windows' : /Mac OS X/.test(userAgent) ? 'macOS' : /Linux/.test(userAgent) ? 'Linux' : null
  if (!browser && !system) return userAgent.slice(0, 60)
  return [browser, system].filter(Boolean).join(' · ')
}
