// The order fields each effect's completion reads, as the service form checks
// them: the one table of src/features/catalog/effects.ts. A service whose form
// lacks one, or lets a longer value through than the contract takes, would be
// ordered fine and then fail when staff complete it: it is refused where it is saved.
import type { OrderEffect } from '../../../db/catalog.table.js'
import type { FieldError } from '../../../lib/forms.js'
import type { MessageKey } from '../../../i18n/index.js'
import { DEFAULT_MAX_LENGTH, type FieldDefinition } from '../../../lib/field-definitions.js'
import { EFFECT_RULES, type EffectField } from '../../catalog/effects.js'

/** Per effect, the fields it reads (the definitions help of the service page lists them). */
export const FIELDS_NEEDED = Object.fromEntries(
  Object.entries(EFFECT_RULES).map(([effect, rule]) => [effect, rule.fields]),
) as Record<OrderEffect, EffectField[]>

/** What is wrong with the definitions for this effect, if anything: a field
 * missing (required, of its type) or allowing more characters than the effect takes. */
export function effectFieldError(effect: OrderEffect, definitions: FieldDefinition[]): FieldError | undefined {
  for (const needed of EFFECT_RULES[effect].fields) {
    const found = definitions.find((definition) => definition.name === needed.name && definition.type === needed.type && definition.required)
    if (!found) return { key: `admin.catalog.error.effect_field_${needed.type}` as MessageKey, params: { name: needed.name } }
    const allowed = found.maxLength ?? (found.type === 'text' ? DEFAULT_MAX_LENGTH.text : undefined)
    if (needed.maxLength !== undefined && (allowed === undefined || allowed > needed.maxLength)) {
      return { key: 'admin.catalog.error.effect_field_length', params: { name: needed.name, max: needed.maxLength } }
    }
  }
  return undefined
}
