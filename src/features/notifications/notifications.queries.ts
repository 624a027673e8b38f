import type { Executor } from '../../db/database.js'
import type { Params } from '../../i18n/index.js'
import { NOTIFICATION_KINDS, type Channel, type NotificationKind } from './kinds.js'

export const PAGE_SIZE = 20

/** Whether the user wants this kind on this channel (on unless they turned it off). */
export async function wants(db: Executor, userId: number, kind: NotificationKind, channel: Channel): Promise<boolean> {
  if (!(NOTIFICATION_KINDS[kind].optional as readonly Channel[]).includes(channel)) return true
  const row = await db.selectFrom('notification_preferences').select('enabled')
    .where('user_id', '=', userId).where('kind', '=', kind).where('channel', '=', channel).executeTakeFirst()
  return row ? row.enabled === 1 : true
}

/** An in-app notification, written in the caller's transaction, if the user wants it. */
export async function notify(trx: Executor, userId: number, kind: NotificationKind, params: Params = {}, link: string | null = null): Promise<void> {
  if (!(await wants(trx, userId, kind, 'in_app'))) return
  await trx.insertInto('notifications').values({
    user_id: userId, kind, params: JSON.stringify(params), link, read_at: null, created_at: new Date().toISOString(),
  }).execute()
}

export async function countUnread(db: Executor, userId: number): Promise<number> {
  const row = await db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function listNotifications(db: Executor, userId: number, page: number, unreadOnly: boolean) {
  let query = db.selectFrom('notifications').where('user_id', '=', userId)
  if (unreadOnly) query = query.where('read_at', 'is', null)
  const [rows, total] = await Promise.all([
    query.select(['id', 'kind', 'params', 'link', 'read_at', 'created_at']).orderBy('created_at', 'desc').orderBy('id', 'desc')
      .limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows: rows.map((row) => ({ ...row, params: JSON.parse(row.params ?? '{}') as Params })), total: Number(total.n) }
}

export async function markRead(db: Executor, userId: number, id: number | null): Promise<void> {
  let query = db.updateTable('notifications').set({ read_at: new Date().toISOString() }).where('user_id', '=', userId).where('read_at', 'is', null)
  if (id !== null) query = query.where('id', '=', id)
  await query.execute()
}

export async function listPreferences(db: Executor, userId: number) {
  return db.selectFrom('notification_preferences').select(['kind', 'channel', 'enabled']).where('user_id', '=', userId).execute()
}

export async function savePreferences(trx: Executor, userId: number, enabled: Array<{ kind: NotificationKind; channel: Channel; enabled: boolean }>) {
  await trx.deleteFrom('notification_preferences').where('user_id', '=', userId).execute()
  if (enabled.length === 0) return
  await trx.insertInto('notification_preferences')
    .values(enabled.map((row) => ({ user_id: userId, kind: row.kind, channel: row.channel, enabled: row.enabled ? 1 : 0 })))
    .execute()
}
