// What the two "contact a customer advisor" forms share: the contract, one
// of the user's own (a code outside them is a 404, as everywhere).
import { field } from '../../lib/forms.js'
import { NotFoundError } from '../../lib/http-errors.js'
import type { HelpContract } from './help.queries.js'

export const SUBJECT_MAX = 150

/** The posted contract among the user's; undefined when none was chosen (422), 404 for any other code. */
export function readContract(body: unknown, contracts: HelpContract[]): { code: string; contract?: HelpContract } {
  const code = field(body, 'contract').trim()
  if (!code) return { code }
  const contract = contracts.find((c) => c.code === code)
  if (!contract) throw new NotFoundError()
  return { code, contract }
}
