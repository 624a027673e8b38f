// The three ways a support-level request is carried out, each in one
// transaction with its audit row and the notifications of the referent and
// contracts managers.
import type { Executor } from '../../db/database.js'
import { serializeSection } from '../../db/portable.js'
import type { Contract } from '../../db/contracts.table.js'
import { writeAudit } from '../../audit/audit.js'
import { translator, type Locale } from '../../i18n/index.js'
import { insertRequest, type AnsweredField } from '../requests/requests.writes.js'
import { requestNumber } from '../requests/request-number.js'
import { notify } from '../notifications/notifications.queries.js'
import { supportLevelAudience } from './support-level.queries.js'

export interface Requester {
  userId: number
  ip: string
  name: string
  email: string
  login: string
  locale: Locale
}

/** The item code of the change request a downgrade becomes. */
export const DOWNGRADE_ITEM = 'support_level_downgrade'

const pageOf = (contract: Contract) => `/contracts/${contract.code}/support-level`

/** FE: the new level from `effectiveOn`, re-committed until `commitmentEnd`;
 * an earlier pending upgrade gives way to this one. */
export async function scheduleUpgrade(trx: Executor, contract: Contract, to: string, change: { effectiveOn: string; commitmentEnd: string }, by: Requester, now: Date) {
  // One pending change per contract: two upgrades at once would each withdraw the older ones and both stay.
  await serializeSection(trx, `support-level:${contract.id}`)
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

/** A lower level goes through support: a change request on the contract
 * (item `support_level_downgrade`), titled in the requester's language, the
 * levels kept as answered fields in both. Returns the request's id. */
export async function requestDowngrade(trx: Executor, contract: Contract, to: string, by: Requester, now: Date): Promise<number> {
  const level = (locale: Locale, name: string | null) =>
    translator(locale).t(name ? (`support.level.${name}` as 'support.level.basic') : 'support.level.none')
  const both = (key: 'requests.downgrade.field.from' | 'requests.downgrade.field.to') => ({ en: translator('en').t(key), fr: translator('fr').t(key) })
  const fields: AnsweredField[] = [
    { name: 'from', label: both('requests.downgrade.field.from'), value: contract.support_level ?? '', display: { en: level('en', contract.support_level), fr: level('fr', contract.support_level) } },
    { name: 'to', label: both('requests.downgrade.field.to'), value: to, display: { en: level('en', to), fr: level('fr', to) } },
  ]
  const requestId = await insertRequest(trx, {
    contractId: contract.id, type: 'change', title: translator(by.locale).t('requests.downgrade.title', { level: level(by.locale, to) }),
    itemCode: DOWNGRADE_ITEM, fields, authorId: by.userId,
  }, now)
  await writeAudit(trx, {
    action: 'support_level.downgrade_requested', actorUserId: by.userId, contractId: contract.id, ip: by.ip,
    details: { from: contract.support_level, to, request: requestNumber(requestId) },
  })
  return requestId
}

// Level names read the same in English and French: the notification carries them as shown.
const shown = (level: string | null) => (level ? level.charAt(0).toUpperCase() + level.slice(1) : '—')

async function notifyAudience(trx: Executor, contract: Contract, change: { from: string | null; to: string; date: string }) {
  const params = { contract: `${contract.name} (${contract.code})`, from: shown(change.from), to: shown(change.to), date: change.date }
  for (const userId of await supportLevelAudience(trx, contract)) {
    await notify(trx, userId, 'support_level_changed', params, pageOf(contract))
  }
}
