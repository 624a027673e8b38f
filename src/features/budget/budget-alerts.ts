// Budget alerts: when a contract's consumption this month reaches its alert
// threshold, and again at 100 %, its billing managers and referent get one
// email and one notification each. The budget_alerts row (primary key:
// contract, month, threshold) is the guard: it is inserted first in the
// transaction that queues the messages, so a second run or a second instance
// inserts nothing and sends nothing. A new month has no rows: it starts fresh.
import type { DB, Executor } from '../../db/database.js'
import { queueEmail } from '../../mail/outbox.js'
import { notify, wants } from '../notifications/notifications.queries.js'
import { microToCents, reaches } from '../usage/budget-summary.js'
import { monthToDate, utcMonth } from '../usage/usage.queries.js'

interface BudgetedContract {
  id: number
  code: string
  name: string
  budget_cents: number
  budget_threshold_percent: number | null
  referent_user_id: number | null
}

export interface AlertsSummary {
  alerts: number
  recipients: number
}

/** Sends what is due at `now`; safe to run any number of times. */
export async function sendBudgetAlerts(db: DB, publicUrl: string, now: Date): Promise<AlertsSummary> {
  const contracts = await budgetedContracts(db)
  const consumed = await monthToDate(db, contracts.map((contract) => contract.id), now)
  const summary: AlertsSummary = { alerts: 0, recipients: 0 }
  for (const contract of contracts) {
    const consumedMicro = consumed.get(contract.id) ?? 0
    const reached = thresholdsOf(contract).filter((percent) => reaches(consumedMicro, contract.budget_cents, percent))
    if (reached.length === 0) continue
    const sentTo = await db.transaction().execute((trx) => alertOnce(trx, { contract, consumedMicro, reached, publicUrl, now }))
    if (sentTo > 0) summary.alerts += 1
    summary.recipients += sentTo
  }
  return summary
}

/** The contract's threshold (when below 100) and 100 %, in increasing order. */
function thresholdsOf(contract: BudgetedContract): number[] {
  const threshold = contract.budget_threshold_percent
  return threshold !== null && threshold > 0 && threshold < 100 ? [threshold, 100] : [100]
}

async function budgetedContracts(db: DB): Promise<BudgetedContract[]> {
  const rows = await db
    .selectFrom('contracts')
    .select(['id', 'code', 'name', 'budget_cents', 'budget_threshold_percent', 'referent_user_id'])
    .where('budget_cents', '>', 0)
    .where('status', '!=', 'closed')
    .orderBy('id')
    .execute()
  return rows.map((row) => ({ ...row, budget_cents: row.budget_cents! }))
}

interface Due {
  contract: BudgetedContract
  consumedMicro: number
  reached: number[]
  publicUrl: string
  now: Date
}

/** Records every threshold reached and not yet alerted; tells the recipients about the highest new one. Returns how many were told. */
async function alertOnce(trx: Executor, due: Due): Promise<number> {
  const fresh: number[] = []
  for (const percent of due.reached) {
    const result = await trx
      .insertInto('budget_alerts')
      .values({
        contract_id: due.contract.id, month: utcMonth(due.now), threshold_percent: percent,
        consumed_micro: due.consumedMicro, budget_cents: due.contract.budget_cents, sent_at: due.now.toISOString(),
      })
      .onConflict((conflict) => conflict.columns(['contract_id', 'month', 'threshold_percent']).doNothing())
      .executeTakeFirst()
    if (Number(result.numInsertedOrUpdatedRows ?? 0n) > 0) fresh.push(percent)
  }
  // Reaching the threshold and 100 % in the same run is one message (about 100 %), not two.
  const threshold = fresh.at(-1)
  if (threshold === undefined) return 0
  const recipients = await recipientsOf(trx, due.contract)
  for (const person of recipients) await tell(trx, person, due, threshold)
  return recipients.length
}

interface Recipient {
  id: number
  email: string
  first_name: string
  locale: 'en' | 'fr'
}

/** The contract's billing managers and its referent, each once. */
async function recipientsOf(trx: Executor, contract: BudgetedContract): Promise<Recipient[]> {
  return trx
    .selectFrom('users')
    .select(['id', 'email', 'first_name', 'locale'])
    .where((eb) => eb.or([
      eb('id', 'in', eb.selectFrom('contract_roles').select('user_id')
        .where('contract_id', '=', contract.id).where('section', '=', 'billing').where('role', '=', 'manager')),
      eb('id', '=', contract.referent_user_id ?? -1),
    ]))
    .orderBy('id')
    .execute()
}

async function tell(trx: Executor, person: Recipient, due: Due, threshold: number) {
  const { contract, consumedMicro } = due
  const percentReached = Math.floor((consumedMicro / (contract.budget_cents * 10_000)) * 100)
  const link = `/contracts/${contract.code}`
  if (await wants(trx, person.id, 'budget_threshold', 'email')) await queueEmail(trx, {
    to: person.email, locale: person.locale, template: 'budget_threshold',
    data: {
      firstName: person.first_name, contractName: contract.name, contractCode: contract.code, threshold, percentReached,
      consumedCents: microToCents(consumedMicro), budgetCents: contract.budget_cents, contractLink: `${due.publicUrl}${link}`,
    },
  })
  await notify(trx, person.id, 'budget_threshold', { name: contract.name, code: contract.code, threshold, percent: percentReached }, link)
}
