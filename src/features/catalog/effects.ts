// What each order effect needs, in one table read by everyone who decides on
// it: the back-office's service check (a form lacking a field, or allowing a
// longer value than the contract takes, can't be saved), the order POST
// (the values read with the same limits, a 422 next to the field), the
// catalog's refusals (a service renaming the contract or setting its REF1 is
// the referent's whatever its `referent_only` box says) and the completion
// (which staff area completes it; which customer right ordering it needs).
import type { OrderEffect } from '../../db/catalog.table.js'
import type { FieldType } from '../../lib/field-definitions.js'
import type { Level, Section, StaffArea } from '../../policy/index.js'
import { CONTRACT_MAX } from '../admin/companies/contract.form.js'

export interface EffectField {
  /** The order form's field name, and the type it must have. */
  name: string
  type: FieldType
  /** A text's longest value: the column it lands in takes no more. */
  maxLength?: number
}

export interface EffectRule {
  /** The order form's fields the effect reads (required, of this type). */
  fields: EffectField[]
  /** Only the contract's referent orders it, whatever the service's `referent_only` flag says. */
  referentOnly: boolean
  /** The back-office area a staff member needs to complete the order (beyond the request queue). */
  staffArea: StaffArea
  /** A customer right ordering it needs on top of services manager: the one its own page needs. */
  customerRight?: { section: Section; level: Level }
}

export const EFFECT_RULES: Record<OrderEffect, EffectRule> = {
  none: { fields: [], referentOnly: false, staffArea: 'requests' },
  subscription: { fields: [], referentOnly: false, staffArea: 'requests' },
  backup_console: { fields: [], referentOnly: false, staffArea: 'requests' },
  // The contract's support-level page asks contracts manager: the catalog can't be a way around it.
  support_level: { fields: [{ name: 'level', type: 'select' }], referentOnly: false, staffArea: 'requests', customerRight: { section: 'contracts', level: 'manager' } },
  rename_contract: { fields: [{ name: 'new_name', type: 'text', maxLength: CONTRACT_MAX.name }], referentOnly: true, staffArea: 'requests' },
  set_ref1: { fields: [{ name: 'ref1', type: 'text', maxLength: CONTRACT_MAX.ref }], referentOnly: true, staffArea: 'requests' },
  // Creating a contract and granting its roles is the account managers' job (the companies area).
  create_tenant: {
    fields: [{ name: 'tenant_name', type: 'text', maxLength: CONTRACT_MAX.name }, { name: 'level', type: 'select' }],
    referentOnly: false, staffArea: 'companies',
  },
}

/** The longest value the effect takes in one of its fields (undefined: no limit of its own). */
export function effectLimit(effect: OrderEffect, name: string): number | undefined {
  return EFFECT_RULES[effect].fields.find((field) => field.name === name)?.maxLength
}

/** Whether only the contract's referent may order the service: its flag, or its effect by nature. */
export function isReferentOnly(service: { referent_only: number; effect: OrderEffect }): boolean {
  return service.referent_only === 1 || EFFECT_RULES[service.effect].referentOnly
}

/** The backup service is already active on the contract: ordering it again has nothing to do. */
export function isBackupActive(contract: { backup_enabled_at: string | null }): boolean {
  return contract.backup_enabled_at !== null
}
