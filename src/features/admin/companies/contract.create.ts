// "Create a tenant", in one transaction: the code, the referent (invited if
// new), the contract, its holders' roles, their emails, the audit rows.
import { writeAudit } from '../../../audit/audit.js'
import type { DB } from '../../../db/database.js'
import type { Offer } from '../../../db/contracts.table.js'
import { createInvitee, grantAccess, sendContractAccess, sendWelcome, type Invitee } from './access.js'
import { contractColumns, type ContractForm } from './contract.form.js'
import { codeIsTaken, lockContractCodes, nextContractCode } from './contracts.queries.js'
import type { Actor } from './params.js'
import type { KnownUser, Referent } from './people.form.js'

export interface NewTenant {
  companyId: number
  form: ContractForm
  /** The form's offer, once contractErrors has accepted it. */
  offer: Offer
  groupingId: number | null
  referent: Referent
  /** Undefined: the referent is the domain owner too. */
  domainOwner: KnownUser | undefined
}

/** The new contract's code; `taken` when a typed code was used meanwhile (nothing is written then). */
export async function createTenant(db: DB, publicUrl: string, tenant: NewTenant, actor: Actor): Promise<{ code: string; taken?: true }> {
  return db.transaction().execute(async (trx) => {
    // Checked again here: the form's check ran outside this transaction.
    await lockContractCodes(trx)
    if (tenant.form.code && (await codeIsTaken(trx, tenant.form.code))) return { code: tenant.form.code, taken: true as const }
    const code = tenant.form.code || await nextContractCode(trx)
    const isNew = tenant.referent.kind === 'new'
    const referent: Invitee = tenant.referent.kind === 'new' ? await createInvitee(trx, tenant.referent.person, tenant.companyId) : tenant.referent.user
    const owner = tenant.domainOwner ?? referent
    const now = new Date().toISOString()
    const contract = await trx.insertInto('contracts').values({
      code, company_id: tenant.companyId, offer: tenant.offer, status: 'active', ...contractColumns(tenant.form, tenant.groupingId),
      referent_user_id: referent.id, domain_owner_user_id: owner.id, ref1: null, budget_cents: null, budget_threshold_percent: null,
      created_at: now, updated_at: now,
    }).returningAll().executeTakeFirstOrThrow()
    await writeAudit(trx, { action: 'admin.contract.created', actorUserId: actor.userId, contractId: contract.id, targetUserId: referent.id, ip: actor.ip,
      details: { code, name: contract.name, offer: contract.offer, support_level: contract.support_level, grouping: tenant.form.grouping || null,
        referent: referent.email, domain_owner: owner.email, new_referent: isNew } })
    await grantAccess(trx, contract, referent.id, 'highest', actor)
    if (isNew) await sendWelcome(trx, publicUrl, contract, referent, actor)
    else await sendContractAccess(trx, publicUrl, contract, referent, actor)
    if (owner.id !== referent.id) {
      await grantAccess(trx, contract, owner.id, 'lowest', actor)
      await sendContractAccess(trx, publicUrl, contract, owner, actor)
    }
    return { code }
  })
}
