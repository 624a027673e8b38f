// The small reads and writes of the order effects (completion/*.effect.ts),
// each on the status change's transaction.
import type { Executor } from '../../../db/database.js'
import type { Contract, NewContract } from '../../../db/contracts.table.js'
import type { Requester } from '../../support-level/support-level.writes.js'

/** Whether the user holds a Backup console role on the contract (the rights table's CONSOLES: one per user). */
export async function holdsBackupRole(trx: Executor, contractId: number, userId: number): Promise<boolean> {
  const row = await trx.selectFrom('console_roles').select('role')
    .where('contract_id', '=', contractId).where('user_id', '=', userId).where('console', '=', 'backup').executeTakeFirst()
  return row !== undefined
}

export async function grantBackupAdmin(trx: Executor, contractId: number, userId: number): Promise<void> {
  await trx.insertInto('console_roles').values({ contract_id: contractId, user_id: userId, console: 'backup', role: 'cust_admin' }).execute()
}

export async function enableBackup(trx: Executor, contractId: number, at: string): Promise<void> {
  await trx.updateTable('contracts').set({ backup_enabled_at: at, updated_at: at }).where('id', '=', contractId).execute()
}

/** The contract's name or REF1, the two columns an order sets. */
export async function setContractText(trx: Executor, contractId: number, column: 'name' | 'ref1', value: string, at: string): Promise<void> {
  await trx.updateTable('contracts').set({ [column]: value, updated_at: at }).where('id', '=', contractId).execute()
}

/** What a tenant order depends on: the company's option, and whether the orderer is still one of its users. */
export async function tenantOrdererStanding(trx: Executor, contract: Pick<Contract, 'company_id'>, userId: number) {
  const company = await trx.selectFrom('companies').select('create_tenant_online').where('id', '=', contract.company_id).executeTakeFirstOrThrow()
  const user = await trx.selectFrom('users').select('company_id').where('id', '=', userId).executeTakeFirstOrThrow()
  return { optionHeld: company.create_tenant_online === 1, ofTheCompany: user.company_id === contract.company_id }
}

/** The tenant a create-tenant order makes, as the back-office creates one. */
export async function insertContract(trx: Executor, values: NewContract): Promise<Contract> {
  return trx.insertInto('contracts').values(values).returningAll().executeTakeFirstOrThrow()
}

export async function findOffer(trx: Executor, offerId: number) {
  return trx.selectFrom('subscription_offers').selectAll().where('id', '=', offerId).executeTakeFirst()
}

/** Takes the instances from what the offer has left, only if enough are: false when not (nothing taken). */
export async function takeInstances(trx: Executor, offerId: number, quantity: number): Promise<boolean> {
  const taken = await trx.updateTable('subscription_offers').set((eb) => ({ available_quantity: eb('available_quantity', '-', quantity) }))
    .where('id', '=', offerId).where('available_quantity', '>=', quantity).executeTakeFirst()
  return Number(taken.numUpdatedRows) === 1
}

/** The orderer as the support-level writes record who asked (their notification and email). */
export async function ordererAsRequester(trx: Executor, userId: number, ip: string): Promise<Requester> {
  const user = await trx.selectFrom('users').select(['id', 'first_name', 'last_name', 'email', 'login', 'locale']).where('id', '=', userId).executeTakeFirstOrThrow()
  return { userId: user.id, ip, name: `${user.first_name} ${user.last_name}`, email: user.email, login: user.login, locale: user.locale }
}
