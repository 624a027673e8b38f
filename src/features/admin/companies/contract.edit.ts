// Saving a contract's edit in one transaction: the changed fields (the
// administrative contact among them), one audit
// row with their values before and after, and a referent or domain owner
// who wasn't declared on the contract yet declared (with their email).
import { writeAudit } from '../../../audit/audit.js'
import type { DB } from '../../../db/database.js'
import type { Contract } from '../../../db/contracts.table.js'
import { grantAccess, sendContractAccess } from './access.js'
import { contractColumns, type ContractForm } from './contract.form.js'
import { declaredUserIds } from './contracts.queries.js'
import { changedFields } from './diff.js'
import type { Actor } from './params.js'
import type { KnownUser } from './people.form.js'

export interface ContractEdit {
  form: ContractForm
  groupingId: number | null
  /** Nulls: no administrative contact. */
  adminContact: { name: string | null; email: string | null }
  referent: KnownUser
  /** Undefined: the referent is the domain owner too. */
  domainOwner: KnownUser | undefined
}

/** The names of the fields that changed (none: nothing was written). */
export async function saveContractEdit(db: DB, publicUrl: string, contract: Contract, edit: ContractEdit, actor: Actor): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    const owner = edit.domainOwner ?? edit.referent
    const after = {
      ...contractColumns(edit.form, edit.groupingId), admin_contact_name: edit.adminContact.name, admin_contact_email: edit.adminContact.email,
      referent_user_id: edit.referent.id, domain_owner_user_id: owner.id,
    }
    const diff = changedFields(contract, after)
    if (diff.changed.length === 0) return []
    await trx.updateTable('contracts').set({ ...after, updated_at: new Date().toISOString() }).where('id', '=', contract.id).execute()
    await writeAudit(trx, { action: 'admin.contract.updated', actorUserId: actor.userId, contractId: contract.id, ip: actor.ip, details: { before: diff.before, after: diff.after } })
    const updated: Contract = { ...contract, ...after }
    const declared = await declaredUserIds(trx, contract.id)
    for (const [person, level] of [[edit.referent, 'highest'], [owner, 'lowest']] as const) {
      if (declared.has(person.id)) continue
      await grantAccess(trx, updated, person.id, level, actor)
      await sendContractAccess(trx, publicUrl, updated, person, actor)
      declared.add(person.id)
    }
    return diff.changed
  })
}
