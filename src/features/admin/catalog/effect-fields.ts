// The order fields each effect's completion reads (src/features/catalog/
// completion/): a service whose form lacks one would be ordered fine and then
// fail when staff complete it, so the catalog refuses it where it is saved.
import type { OrderEffect } from '../../../db/catalog.table.js'
import type { FieldDefinition, FieldType } from '../../../lib/field-definitions.js'

export interface NeededField {
  name: string
  type: FieldType
}

export const FIELDS_NEEDED: Record<OrderEffect, NeededField[]> = {
  none: [],
  subscription: [],
  backup_console: [],
  support_level: [{ name: 'level', type: 'select' }],
  rename_contract: [{ name: 'new_name', type: 'text' }],
  set_ref1: [{ name: 'ref1', type: 'text' }],
  create_tenant: [{ name: 'tenant_name', type: 'text' }, { name: 'level', type: 'select' }],
}

/** The first field the effect reads that the definitions lack (a required field of that name and type), if any. */
export function missingEffectField(effect: OrderEffect, definitions: FieldDefinition[]): NeededField | undefined {
  return FIELDS_NEEDED[effect].find((needed) =>
    !definitions.some((definition) => definition.name === needed.name && definition.type === needed.type && definition.required))
}
