// What completing an order will need (orders.effect_json), read from the
// answers when the order is placed with the limits of the effects table
// (effects.ts: a name longer than the contract takes is a 422 next to its
// field, never a refusal at completion), and the checks that can refuse it
// then rather than at completion: a support level the ladder refuses, a
// backup service already active. Reservations build theirs in reservation/.
import type { Executor } from '../../db/database.js'
import type { CatalogService } from '../../db/catalog.table.js'
import type { Contract } from '../../db/contracts.table.js'
import type { FieldErrors } from '../../lib/forms.js'
import type { FieldDefinition, FieldLocale } from '../../lib/field-definitions.js'
import type { MessageKey } from '../../i18n/index.js'
import { decideChange, ladderOf } from '../support-level/ladder.js'
import { supportStateOf } from '../support-level/support-level.queries.js'
import { EFFECT_RULES, isBackupActive } from './effects.js'

export type EffectInput =
  | { input: Record<string, unknown> }
  /** Refused next to a field (`errors`) or for the whole form (`formError`). */
  | { errors: FieldErrors; formError?: MessageKey }

export interface AnsweredForm {
  definitions: FieldDefinition[]
  values: Record<string, string>
  locale: FieldLocale
}

export async function effectInputOf(db: Executor, service: Pick<CatalogService, 'effect'>, contract: Contract, form: AnsweredForm, now: Date): Promise<EffectInput> {
  const errors = effectFieldErrors(service.effect, form)
  if (Object.keys(errors).length > 0) return { errors }
  const { values } = form
  switch (service.effect) {
    case 'rename_contract': return { input: { name: values.new_name } }
    case 'set_ref1': return { input: { ref1: values.ref1 } }
    case 'create_tenant':
      // The tenant is of the ordering contract's offer: its ladder has the last word on the level.
      return ladderOf(contract.offer)?.levels.includes(values.level!)
        ? { input: { name: values.tenant_name, level: values.level } }
        : { errors: { level: { key: 'fields.error.select', params: { label: labelOf(form, 'level') } } } }
    case 'support_level': return supportLevelInput(db, contract, values.level!, now)
    case 'backup_console':
      return isBackupActive(contract) ? { errors: {}, formError: 'catalog.order.error.backup_active' } : { input: {} }
    default: return { input: {} }
  }
}

/** Each field the effect reads: present, and within the effect's own limit. */
function effectFieldErrors(effect: CatalogService['effect'], form: AnsweredForm): FieldErrors {
  const errors: FieldErrors = {}
  for (const field of EFFECT_RULES[effect].fields) {
    const value = form.values[field.name] ?? ''
    const label = labelOf(form, field.name)
    if (value === '') errors[field.name] = { key: field.type === 'select' ? 'fields.error.choose' : 'fields.error.required', params: { label } }
    else if (field.maxLength !== undefined && value.length > field.maxLength) errors[field.name] = { key: 'fields.error.too_long', params: { label, max: field.maxLength } }
  }
  return errors
}

function labelOf(form: AnsweredForm, name: string): string {
  return form.definitions.find((definition) => definition.name === name)?.label[form.locale] ?? name
}

/** The level wanted must be an upgrade the ladder accepts now (the rules of
 * the support-level page); a lower level goes through a change request there. */
async function supportLevelInput(db: Executor, contract: Contract, wanted: string, now: Date): Promise<EffectInput> {
  const decision = decideChange(await supportStateOf(db, contract), wanted, now)
  if (decision.outcome === 'refused') return { errors: { level: `support.error.${decision.error}` } }
  if (decision.outcome === 'request_to_support') return { errors: { level: 'catalog.order.error.support_downgrade' } }
  return { input: { level: wanted } }
}
