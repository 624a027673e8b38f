// File and Applicative Backup: the service is active on the contract from
// now, which makes the Backup console role exist there (rights page), and the
// domain owner (else the referent) gets that role, Cust_Admin, to hand it on.
// Already active: nothing more to do.
import { writeAudit } from '../../../audit/audit.js'
import { isBackupActive } from '../effects.js'
import type { EffectContext, EffectOutcome } from './effect-context.js'
import { enableBackup, grantBackupAdmin, holdsBackupRole } from './effects.queries.js'

export async function applyBackupConsole({ trx, contract, actor, now }: EffectContext): Promise<EffectOutcome> {
  if (isBackupActive(contract)) return { before: { backup_enabled_at: contract.backup_enabled_at }, after: { backup_enabled_at: contract.backup_enabled_at } }
  const at = now.toISOString()
  await enableBackup(trx, contract.id, at)
  const holder = contract.domain_owner_user_id ?? contract.referent_user_id
  if (holder !== null && !(await holdsBackupRole(trx, contract.id, holder))) {
    await grantBackupAdmin(trx, contract.id, holder)
    await writeAudit(trx, {
      action: 'order.backup_console_granted', actorUserId: actor.userId, contractId: contract.id, targetUserId: holder, ip: actor.ip,
      details: { console: 'backup', role: 'cust_admin' },
    })
  }
  return { before: { backup_enabled_at: null }, after: { backup_enabled_at: at, backup_console_user_id: holder } }
}
