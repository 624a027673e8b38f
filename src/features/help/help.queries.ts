// What Need help reads and writes: the user's contracts for its selects, the
// company a message goes to, the advisor messages and call backs (rows of
// contact_messages that the back-office inbox shows).
import type { Executor } from '../../db/database.js'
import { contractsPassing, secondFactorMet, type ScopeUser } from '../../policy/index.js'

export type HelpContract = Awaited<ReturnType<typeof contractsPassing>>[number]

// A contract whose referent requires two factors is left out of both lists
// until the user turns them on (as its pages and requests are).

/** Every contract of the user (any role): the advisor forms' select. */
export async function contractsOfUser(db: Executor, user: ScopeUser): Promise<HelpContract[]> {
  const held = await contractsPassing(db, user.id, { section: 'contracts', level: 'visitor' })
  return held.filter((contract) => secondFactorMet(contract, user))
}

/** The contracts whose support the user may see; all their contracts when there are none (the advisor forms still apply). */
export async function helpContracts(db: Executor, user: ScopeUser): Promise<{ contracts: HelpContract[]; all: HelpContract[] }> {
  const [supported, all] = await Promise.all([contractsPassing(db, user.id, { section: 'support', level: 'visitor' }), contractsOfUser(db, user)])
  const reachable = supported.filter((contract) => secondFactorMet(contract, user))
  return { contracts: reachable.length > 0 ? reachable : all, all }
}

/** The company holding the contract, with its account manager. */
export function companyOfContract(db: Executor, contractId: number) {
  return db.selectFrom('contracts').innerJoin('companies', 'companies.id', 'contracts.company_id')
    .select(['companies.id', 'companies.name', 'companies.country', 'companies.account_manager_name', 'companies.account_manager_email', 'contracts.offer'])
    .where('contracts.id', '=', contractId).executeTakeFirstOrThrow()
}

export type ContractCompany = Awaited<ReturnType<typeof companyOfContract>>

export interface NewHelpMessage {
  userId: number
  companyId: number
  contractId: number
  toAddress: string
  subject: string
  message: string
  now: Date
}

export async function insertAdvisorMessage(trx: Executor, row: NewHelpMessage): Promise<void> {
  await trx.insertInto('contact_messages').values({
    kind: 'advisor', user_id: row.userId, company_id: row.companyId, contract_id: row.contractId, to_address: row.toAddress,
    subject: row.subject, message: row.message, created_at: row.now.toISOString(),
  }).execute()
}

export async function insertCallback(trx: Executor, row: NewHelpMessage & { phone: string; callbackAt: Date }): Promise<void> {
  await trx.insertInto('contact_messages').values({
    kind: 'callback', user_id: row.userId, company_id: row.companyId, contract_id: row.contractId, to_address: row.toAddress,
    subject: row.subject, message: row.message, phone: row.phone, callback_at: row.callbackAt.toISOString(), created_at: row.now.toISOString(),
  }).execute()
}
