// File and Applicative Backup: the service is active on the contract from
// now, which makes the Backup console role exist there (rights page), and the
// domain owner (else the referent) gets that role, Cust_Admin, to hand it on.
// Already active: nothing more to do.
import { writeAudit } from '../../../audit/audit.js'
import type { EffectContext, EffectOutcome } from './effect-context.js'

export async function applyBackupConsole({ trx, contract, actor, now }: EffectContext): Promise<EffectOutcome> {
  if (contract.backup_enabled_at) return { before: { backup_enabled_at: contract.backup_enabled_at }, after: { backup_enabled_at: contract.backup_enabled_at } }
  const at = now.toISOString()
  await trx.updateTable('contracts').set({ backup_enabled_at: at, updated_at: at }).where('id', '=', contract.id).execute()
  const holder = contract.domain_owner_user_id ?? contract.referent_user_id
  if (holder !== null && !(await holdsBackupRole(trx, contract.id, holder))) {
    await trx.insertInto('console_roles').values({ contract_id: contract.id, user_id: holder, console: 'backup', role: 'cust_admin' }).execute()
    await writeAudit(trx, {
      action: 'order.backup_console_granted', actorUserId: actor.userId, contractId: contract.id, targetUserId: holder, ip: actor.ip,
      details: { console: 'backup', role: 'cust_admin' },
    })
  }
  return { before: { backup_enabled_at: null }, after: { backup_enabled_at: at, backup_console_user_id: holder } }
}

// The rights table's CONSOLES: one Backup console role per user.
async function holdsBackupRole(trx: EffectContext['trx'], contractId: number, userId: number): Promise<boolean> {
  const row = await trx.selectFrom('console_roles').select('role')
    .where('contract_id', '=', contractId).where('user_id', '=', userId).where('console', '=', 'backup').executeTakeFirst()
  return row !== undefined
}
