// The requests a user may see, as a query: the scope's contract ids per
// section (src/policy/request-scope.ts) become one OR of indexed conditions,
// plus the user's own requests on the contracts they hold (requests_author).
// A request outside it doesn't exist for the user: the list never shows it
// and its page is a 404, with no `if` in the handlers.
import type { ExpressionBuilder } from 'kysely'
import type { Database, Executor } from '../../db/database.js'
import type { RequestScope } from '../../policy/index.js'
import type { RequestSection } from './request-types.js'

type RequestsEb = ExpressionBuilder<Database, 'requests'>

/** The condition "visible to the scope's user" on `requests`; false when they see nothing. */
export function visibleTo(scope: RequestScope) {
  return (eb: RequestsEb) => {
    const terms = Object.entries(scope.sections).flatMap(([section, { all, own }]) => [
      ...(all.length > 0 ? [eb.and([eb('requests.section', '=', section as RequestSection), eb('requests.contract_id', 'in', all)])] : []),
      ...(own.length > 0 ? [eb.and([eb('requests.section', '=', section as RequestSection), eb('requests.contract_id', 'in', own), eb('requests.author_user_id', '=', scope.userId)])] : []),
    ])
    if (scope.authored.length > 0) terms.push(eb.and([eb('requests.author_user_id', '=', scope.userId), eb('requests.contract_id', 'in', scope.authored)]))
    return terms.length > 0 ? eb.or(terms) : eb.val(0).$castTo<boolean>()
  }
}

/** The request with this id if the scope's user may see it, with its contract. */
export async function findVisibleRequest(db: Executor, scope: RequestScope, id: number) {
  return db.selectFrom('requests')
    .innerJoin('contracts', 'contracts.id', 'requests.contract_id')
    .selectAll('requests')
    .select(['contracts.code as contract_code', 'contracts.name as contract_name', 'contracts.offer as contract_offer',
      'contracts.support_level as contract_support_level', 'contracts.status as contract_status'])
    .where('requests.id', '=', id)
    .where(visibleTo(scope))
    .executeTakeFirst()
}

export type VisibleRequest = NonNullable<Awaited<ReturnType<typeof findVisibleRequest>>>
