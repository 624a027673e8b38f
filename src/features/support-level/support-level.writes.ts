// The three ways a support-level request is carried out, each in one
// transaction with its audit row and the notifications of the referent and
// contracts managers.
import type { Executor } from '../../db/database.js'
import type { Contract } from '../../db/contracts.table.js'
import { writeAudit } from '../../audit/audit.js'
import { translator, type Locale } from '../../i18n/index.js'
import { queueEmail } from '../../mail/outbox.js'
import { notify } from '../notifications/notifications.queries.js'
import { supportLevelAudience } from './support-level.queries.js'

export interface Requester {
  userId: number
  ip: string
  name: string
  email: string
  login: string
}

const pageOf = (contract: Contract) => `/contracts/${contract.code}/support-level`

/** FE: the new level from `effectiveOn`, re-committed until `commitmentEnd`;
 * an earlier pending upgrade gives way to this one. */
export async function scheduleUpgrade(trx: Executor, contract: Contract, to: string, change: { effectiveOn: string; commitmentEnd: string }, by: Requester, now: Date) {
  await trx.updateTable('support_level_changes').set({ withdrawn_at: now.toISOString() })
    .where('contract_id', '=', contract.id).where('applied_at', 'is', null).where('withdrawn_at', 'is', null).execute()
  await trx.insertInto('support_level_changes').values({
    contract_id: contract.id, from_level: contract.support_level, to_level: to, effective_on: change.effectiveOn,
    commitment_end: change.commitmentEnd, requested_by: by.userId, requested_at: now.toISOString(), applied_at: null, withdrawn_at: null,
  }).execute()
  await writeAudit(trx, {
    action: 'support_level.upgrade_scheduled', actorUserId: by.userId, contractId: contract.id, ip: by.ip,
    details: { from: contract.support_level, to, effective_on: change.effectiveOn, commitment_end: change.commitmentEnd },
  })
  await notifyAudience(trx, contract, { from: contract.support_level, to, date: change.effectiveOn })
}

/** Cloud Avenue: the new level at once (billed from the 1st of next month),
 * kept as a change applied now. */
export async function applyUpgradeNow(trx: Executor, contract: Contract, to: string, by: Requester, now: Date, today: string) {
  await trx.updateTable('contracts').set({ support_level: to, updated_at: now.toISOString() }).where('id', '=', contract.id).execute()
  await trx.insertInto('support_level_changes').values({
    contract_id: contract.id, from_level: contract.support_level, to_level: to, effective_on: today, commitment_end: null,
    requested_by: by.userId, requested_at: now.toISOString(), applied_at: now.toISOString(), withdrawn_at: null,
  }).execute()
  await writeAudit(trx, {
    action: 'support_level.upgraded', actorUserId: by.userId, contractId: contract.id, ip: by.ip,
    details: { from: contract.support_level, to },
  })
  await notifyAudience(trx, contract, { from: contract.support_level, to, date: today })
}

/** A lower level goes through support. Requests don't exist yet, so the
 * request is a message to the account manager's inbox (and email). */
export async function requestDowngrade(trx: Executor, contract: Contract, company: { id: number; name: string; country: string | null; account_manager_name: string | null; account_manager_email: string }, to: string, by: Requester, now: Date) {
  const locale: Locale = company.country === 'FR' ? 'fr' : 'en'
  const { t } = translator(locale)
  const level = (name: string | null) => (name ? t(`support.level.${name}` as 'support.level.basic') : t('support.level.none'))
  const subject = t('support.request.subject', { code: contract.code, level: level(to) })
  const message = t('support.request.message', { name: by.name, contract: `${contract.name} (${contract.code})`, from: level(contract.support_level), to: level(to) })
  await trx.insertInto('contact_messages').values({
    user_id: by.userId, company_id: company.id, to_address: company.account_manager_email, subject, message, created_at: now.toISOString(),
    assigned_user_id: null, handled_at: null,
  }).execute()
  await queueEmail(trx, {
    to: company.account_manager_email, locale, template: 'account_manager_contact',
    data: { managerName: company.account_manager_name ?? company.account_manager_email, fromName: by.name, fromEmail: by.email, fromLogin: by.login, companyName: company.name, subject, message },
  })
  await writeAudit(trx, {
    action: 'support_level.downgrade_requested', actorUserId: by.userId, contractId: contract.id, ip: by.ip,
    details: { from: contract.support_level, to },
  })
}

// Level names read the same in English and French: the notification carries them as shown.
const shown = (level: string | null) => (level ? level.charAt(0).toUpperCase() + level.slice(1) : '—')

async function notifyAudience(trx: Executor, contract: Contract, change: { from: string | null; to: string; date: string }) {
  const params = { contract: `${contract.name} (${contract.code})`, from: shown(change.from), to: shown(change.to), date: change.date }
  for (const userId of await supportLevelAudience(trx, contract)) {
    await notify(trx, userId, 'support_level_changed', params, pageOf(contract))
  }
}
