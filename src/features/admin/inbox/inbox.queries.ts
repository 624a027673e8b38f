// What the inbox reads: the customers' messages to their account manager
// (from "My company"), to a customer advisor and their call backs (from Need
// help), who sent them, who handles them, the replies sent.
import { sql } from 'kysely'
import type { Executor } from '../../../db/database.js'
import { isStaffRole, staffCan, type StaffRole } from '../../../policy/index.js'
import type { InboxFilters } from './inbox.filters.js'

export const INBOX_PAGE_SIZE = 25

export async function listMessages(db: Executor, filters: InboxFilters, staffUserId: number, page: number) {
  let query = db.selectFrom('contact_messages')
    .innerJoin('users as sender', 'sender.id', 'contact_messages.user_id')
    .leftJoin('companies', 'companies.id', 'contact_messages.company_id')
    .leftJoin('users as assignee', 'assignee.id', 'contact_messages.assigned_user_id')
    .leftJoin('contracts', 'contracts.id', 'contact_messages.contract_id')
  if (filters.kind !== 'all') query = query.where('contact_messages.kind', '=', filters.kind)
  if (filters.status !== 'all') query = query.where('contact_messages.status', '=', filters.status)
  if (filters.assigned === 'me') query = query.where('contact_messages.assigned_user_id', '=', staffUserId)
  if (filters.assigned === 'unassigned') query = query.where('contact_messages.assigned_user_id', 'is', null)
  const [rows, total] = await Promise.all([
    query.select(['contact_messages.id', 'contact_messages.subject', 'contact_messages.status', 'contact_messages.created_at',
      'sender.login as sender_login', 'sender.first_name as sender_first', 'sender.last_name as sender_last', 'companies.name as company_name',
      'assignee.first_name as assignee_first', 'assignee.last_name as assignee_last',
      'contact_messages.kind', 'contact_messages.phone', 'contact_messages.callback_at', 'contracts.code as contract_code', 'contracts.name as contract_name'])
      // The calls still to make come first, soonest first: a call back is
      // due at a time, a message only waits; then the newest received.
      .orderBy(sql`case when ${sql.ref('contact_messages.kind')} = 'callback' and ${sql.ref('contact_messages.status')} = 'new' then 0 else 1 end`)
      .orderBy(sql`case when ${sql.ref('contact_messages.kind')} = 'callback' and ${sql.ref('contact_messages.status')} = 'new' then ${sql.ref('contact_messages.callback_at')} end`)
      .orderBy('contact_messages.created_at', 'desc').orderBy('contact_messages.id', 'desc')
      .limit(INBOX_PAGE_SIZE).offset((page - 1) * INBOX_PAGE_SIZE).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(total.n) }
}

/** One message with its sender, company and contract; undefined (→ 404) for an unknown id. */
export async function findMessage(db: Executor, id: number) {
  return db.selectFrom('contact_messages')
    .innerJoin('users as sender', 'sender.id', 'contact_messages.user_id')
    .leftJoin('companies', 'companies.id', 'contact_messages.company_id')
    .leftJoin('users as assignee', 'assignee.id', 'contact_messages.assigned_user_id')
    .leftJoin('contracts', 'contracts.id', 'contact_messages.contract_id')
    .select(['contact_messages.id', 'contact_messages.subject', 'contact_messages.message',
      'contact_messages.kind', 'contact_messages.phone', 'contact_messages.callback_at', 'contracts.code as contract_code', 'contracts.name as contract_name', 'contact_messages.status', 'contact_messages.created_at',
      'contact_messages.handled_at', 'contact_messages.to_address', 'contact_messages.assigned_user_id',
      'sender.id as sender_id', 'sender.login as sender_login', 'sender.email as sender_email', 'sender.first_name as sender_first',
      'sender.last_name as sender_last', 'sender.locale as sender_locale', 'sender.phone_mobile as sender_phone',
      'companies.name as company_name', 'assignee.login as assignee_login', 'assignee.first_name as assignee_first', 'assignee.last_name as assignee_last'])
    .where('contact_messages.id', '=', id).executeTakeFirst()
}

export type InboxMessage = NonNullable<Awaited<ReturnType<typeof findMessage>>>

export function listReplies(db: Executor, messageId: number) {
  return db.selectFrom('contact_message_replies')
    .leftJoin('users as author', 'author.id', 'contact_message_replies.author_user_id')
    .select(['contact_message_replies.id', 'contact_message_replies.body', 'contact_message_replies.at', 'author.first_name as author_first', 'author.last_name as author_last'])
    .where('contact_message_replies.message_id', '=', messageId)
    .orderBy('contact_message_replies.at').orderBy('contact_message_replies.id').execute()
}

/** The contracts the sender is declared on, to see the message in context. */
export function listSenderContracts(db: Executor, userId: number) {
  return db.selectFrom('contract_roles').innerJoin('contracts', 'contracts.id', 'contract_roles.contract_id')
    .select(['contracts.code', 'contracts.name', 'contracts.offer', 'contracts.status', 'contracts.referent_user_id'])
    .where('contract_roles.user_id', '=', userId).where('contract_roles.section', '=', 'contracts')
    .orderBy('contracts.code').execute()
}

export interface InboxStaff {
  id: number
  login: string
  name: string
}

/** The staff a message can be assigned to: those whose roles open the inbox (src/policy/staff-table.ts).
 * One query from the few staff roles, not a role query per staff member after a scan of every user. */
export async function listInboxStaff(db: Executor): Promise<InboxStaff[]> {
  const rows = await db.selectFrom('staff_roles').innerJoin('users', 'users.id', 'staff_roles.user_id')
    .select(['users.id', 'users.login', 'users.first_name', 'users.last_name', 'staff_roles.role'])
    .where('users.is_staff', '=', 1).orderBy('users.last_name').orderBy('users.first_name').orderBy('users.id').execute()
  const byUser = new Map<number, { user: (typeof rows)[number]; roles: StaffRole[] }>()
  for (const row of rows) {
    const entry = byUser.get(row.id) ?? { user: row, roles: [] }
    if (isStaffRole(row.role)) entry.roles.push(row.role)
    byUser.set(row.id, entry)
  }
  return [...byUser.values()].filter(({ roles }) => staffCan(roles, 'inbox'))
    .map(({ user }) => ({ id: user.id, login: user.login, name: `${user.first_name} ${user.last_name}` }))
}
