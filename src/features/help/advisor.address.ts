// Whom a Need help message goes to: the company's web account manager, as
// "My company" does, or the support centre of the contract's offer when the
// company has none yet.
import type { ContractCompany } from './help.queries.js'
import { fallbackAdvisorAddress } from './support-offer.js'

export function advisorAddress(company: ContractCompany): { email: string; name: string } {
  if (company.account_manager_email) return { email: company.account_manager_email, name: company.account_manager_name ?? company.account_manager_email }
  const email = fallbackAdvisorAddress(company.offer)
  return { email, name: email }
}
