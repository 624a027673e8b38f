import type { Executor } from '../../db/database.js'
import { describeChanges } from '../../audit/details.js'

export const AUDIT_PAGE_SIZE = 50

export async function listContractAudit(db: Executor, contractId: number, filters: { login: string; action: string }, page: number) {
  let query = db.selectFrom('audit_log')
    .leftJoin('users as actor', 'actor.id', 'audit_log.actor_user_id')
    .leftJoin('users as target', 'target.id', 'audit_log.target_user_id')
    .where('audit_log.contract_id', '=', contractId)
  if (filters.login) query = query.where((eb) => eb.or([eb('actor.login', '=', filters.login), eb('target.login', '=', filters.login)]))
  if (filters.action) query = query.where('audit_log.action', '=', filters.action)
  const [rows, total, actions] = await Promise.all([
    query.select(['audit_log.id', 'audit_log.at', 'audit_log.action', 'audit_log.details', 'audit_log.ip', 'actor.first_name as actor_first', 'actor.last_name as actor_last',
      'target.first_name as target_first', 'target.last_name as target_last', 'target.login as target_login'])
      .orderBy('audit_log.at', 'desc').orderBy('audit_log.id', 'desc').limit(AUDIT_PAGE_SIZE).offset((page - 1) * AUDIT_PAGE_SIZE).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db.selectFrom('audit_log').select('action').distinct().where('contract_id', '=', contractId).orderBy('action').execute(),
  ])
  return { rows: rows.map((row) => ({ ...row, changes: describeChanges(row.details) })), total: Number(total.n), actions: actions.map((a) => a.action) }
}
