// From the checked filters to the search the queries run: the contract code
// must be one of the user's scope (anything else is a 404: a contract they
// can't see doesn't exist for them).
import { NotFoundError } from '../../lib/http-errors.js'
import type { RequestScope } from '../../policy/index.js'
import type { RequestFilters } from './list.filters.js'
import type { RequestSearch } from './list.queries.js'

export function searchFor(scope: RequestScope, filters: RequestFilters): RequestSearch {
  const contract = filters.contract === '' ? undefined : scope.contracts.find((c) => c.code === filters.contract.toUpperCase())
  if (filters.contract !== '' && !contract) throw new NotFoundError()
  return { scope, contractId: contract?.id, status: filters.status, type: filters.type, q: filters.q, sort: filters.sort }
}
