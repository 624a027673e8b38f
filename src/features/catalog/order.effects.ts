// What completing an order will need (orders.effect_json), read from the
// answers when the order is placed, and the checks that can refuse it then
// rather than at completion: a support level the ladder refuses, a backup
// service already active. Reservations build theirs in reservation/.
import type { Executor } from '../../db/database.js'
import type { CatalogService } from '../../db/catalog.table.js'
import type { Contract } from '../../db/contracts.table.js'
import type { FieldErrors } from '../../lib/forms.js'
import type { MessageKey } from '../../i18n/index.js'
import { decideChange } from '../support-level/ladder.js'
import { findPendingChange } from '../support-level/support-level.queries.js'

export type EffectInput =
  | { input: Record<string, unknown> }
  /** Refused next to a field (`errors`) or for the whole form (`formError`). */
  | { errors: FieldErrors; formError?: MessageKey }

export async function effectInputOf(db: Executor, service: Pick<CatalogService, 'effect'>, contract: Contract, values: Record<string, string>, now: Date): Promise<EffectInput> {
  switch (service.effect) {
    case 'rename_contract': return { input: { name: values.new_name ?? '' } }
    case 'set_ref1': return { input: { ref1: values.ref1 ?? '' } }
    case 'create_tenant': return { input: { name: values.tenant_name ?? '', level: values.level ?? '' } }
    case 'support_level': return supportLevelInput(db, contract, values.level ?? '', now)
    case 'backup_console':
      return contract.backup_enabled_at === null ? { input: {} } : { errors: {}, formError: 'catalog.order.error.backup_active' }
    default: return { input: {} }
  }
}

/** The level wanted must be an upgrade the ladder accepts now (the rules of
 * the support-level page); a lower level goes through a change request there. */
async function supportLevelInput(db: Executor, contract: Contract, wanted: string, now: Date): Promise<EffectInput> {
  const pending = await findPendingChange(db, contract.id)
  const decision = decideChange({
    offer: contract.offer, level: contract.support_level, pendingLevel: pending?.to_level ?? null,
    commitmentEnd: pending?.commitment_end ?? contract.support_commitment_end,
  }, wanted, now)
  if (decision.outcome === 'refused') return { errors: { level: `support.error.${decision.error}` } }
  if (decision.outcome === 'request_to_support') return { errors: { level: 'catalog.order.error.support_downgrade' } }
  return { input: { level: wanted } }
}
