// The staff request page's "On completion: …" line for an order: what
// completing it will do, in the reader's language, and once done, when.
import type { Executor } from '../../../db/database.js'
import type { MessageKey, Params } from '../../../i18n/index.js'
import { parseEffectInput } from './effect-context.js'

export interface CompletionSummary {
  key: MessageKey
  params: Params
  /** When the effect was applied; null while the order waits. */
  appliedAt: string | null
}

const shown = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '—')
const levelName = (value: unknown) => (typeof value === 'string' && value ? value.charAt(0).toUpperCase() + value.slice(1) : '—')

/** undefined: the request has no order row (an order request from before the catalog). */
export async function findCompletionSummary(db: Executor, requestId: number): Promise<CompletionSummary | undefined> {
  const order = await db.selectFrom('orders').innerJoin('users', 'users.id', 'orders.ordered_by')
    .select(['orders.effect', 'orders.effect_json', 'orders.effect_applied_at', 'users.first_name', 'users.last_name'])
    .where('orders.request_id', '=', requestId).executeTakeFirst()
  if (!order) return undefined
  const input = parseEffectInput(order.effect_json)
  const summary = { appliedAt: order.effect_applied_at }
  switch (order.effect) {
    case 'subscription': {
      const offer = typeof input.offerId === 'number'
        ? await db.selectFrom('subscription_offers').select(['flavour', 'region_code', 'commitment_months']).where('id', '=', input.offerId).executeTakeFirst()
        : undefined
      return { ...summary, key: 'completion.summary.subscription', params: {
        quantity: shown(input.quantity), flavour: offer?.flavour ?? '—', region: offer?.region_code ?? '—', months: offer?.commitment_months ?? '—' } }
    }
    case 'support_level': return { ...summary, key: 'completion.summary.support_level', params: { level: levelName(input.level) } }
    case 'rename_contract': return { ...summary, key: 'completion.summary.rename_contract', params: { name: shown(input.name) } }
    case 'set_ref1': return { ...summary, key: 'completion.summary.set_ref1', params: { ref1: shown(input.ref1) } }
    case 'create_tenant': return { ...summary, key: 'completion.summary.create_tenant', params: {
      name: shown(input.name), level: levelName(input.level), orderer: `${order.first_name} ${order.last_name}` } }
    case 'backup_console': return { ...summary, key: 'completion.summary.backup_console', params: {} }
    default: return { ...summary, key: 'completion.summary.none', params: {} }
  }
}
