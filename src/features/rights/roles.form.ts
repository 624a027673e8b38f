// The roles step of the wizard and the "change roles" form: one choice per
// section of the contract's offer (`role[<section>]`), and console roles on
// FE contracts (`console[fe][<role>]`, `console[backup][cust_admin]`).
import type { Contract } from '../../db/contracts.table.js'
import { field, type FieldErrors } from '../../lib/forms.js'
import { CONSOLES, sectionsForOffer, type Level, type Section } from '../../policy/index.js'

export interface RolesForm {
  roles: Partial<Record<Section, Level>>
  consoles: Array<{ console: 'fe' | 'backup'; role: string }>
}

export function readRolesForm(body: unknown, contract: Contract): RolesForm {
  const roles: Partial<Record<Section, Level>> = {}
  for (const row of sectionsForOffer(contract.offer)) roles[row.name] = field(body, `role[${row.name}]`) as Level
  const consoles = consoleRolesOffered(contract).filter(({ console, role }) => field(body, `console[${console}][${role}]`) === 'on')
  return { roles, consoles }
}

/** A role a section does not offer is a 422, never a silent fallback. */
export function rolesErrors(form: RolesForm, contract: Contract): FieldErrors {
  const errors: FieldErrors = {}
  for (const row of sectionsForOffer(contract.offer)) {
    const chosen = form.roles[row.name]
    if (!chosen) errors[`role-${row.name}`] = 'rights.error.role_required'
    else if (!(row.roles as readonly string[]).includes(chosen)) errors[`role-${row.name}`] = 'rights.error.role_not_offered'
  }
  return errors
}

/** The Backup console exists on a contract only once its backup service is active (backup_enabled_at). */
export function consoleRolesOffered(contract: Contract): Array<{ console: 'fe' | 'backup'; role: string }> {
  if (contract.offer !== 'fe' && contract.offer !== 'fe_hds') return []
  return (Object.entries(CONSOLES) as Array<['fe' | 'backup', { roles: readonly string[] }]>)
    .filter(([console]) => console !== 'backup' || contract.backup_enabled_at !== null)
    .flatMap(([console, row]) => row.roles.map((role) => ({ console, role })))
}
