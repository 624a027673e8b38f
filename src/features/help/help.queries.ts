// What Need help reads and writes: the user's contracts for its selects, the
// company a message goes to, the advisor messages and call backs (rows of
// contact_messages that the back-office inbox shows).
import type { Executor } from '../../db/database.js'
import { contractsPassing } from '../../policy/index.js'

export type HelpContract = Awaited<ReturnType<typeof contractsPassing>>[number]

/** Every contract of the user (any role): the advisor forms' select. */
export function contractsOfUser(db: Executor, userId: number): Promise<HelpContract[]> {
  return contractsPassing(db, userId, { section: 'contracts', level: 'visitor' })
}

/** The contracts whose support the user may see; all their contracts when there are none (the advisor forms still apply). */
export async function helpContracts(db: Executor, userId: number): Promise<{ contracts: HelpContract[]; all: HelpContract[] }> {
  const [supported, all] = await Promise.all([contractsPassing(db, userId, { section: 'support', level: 'visitor' }), contractsOfUser(db, userId)])
  return { contracts: supported.length > 0 ? supported : all, all }
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
