// The back-office's rights, as data: which staff roles open which area of
// /admin (PRODUCT.md, "Back-office"). Read on every /admin request by the
// staff guard; adding an area is one line here and its label in src/i18n.
// A staff member may hold several roles; `admin` opens everything.

export const STAFF_ROLES = ['admin', 'support', 'billing', 'account_manager'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]

//                 area          roles that open it (admin always does)
export const STAFF_TABLE = [
  { area: 'dashboard', roles: ['support', 'billing', 'account_manager'] },
  { area: 'companies', roles: ['account_manager'] },             // companies and contracts, tenants
  { area: 'users',     roles: ['support', 'account_manager'] },  // users' access problems
  { area: 'platforms', roles: ['support'] },                     // incidents and maintenance windows
  { area: 'requests',  roles: ['support', 'account_manager'] },  // the request queue: incidents, orders, changes
  { area: 'inbox',     roles: ['account_manager', 'support'] },  // messages from customers
  { area: 'billing',   roles: ['billing'] },                     // usage, invoices, billing contacts
  { area: 'catalog',   roles: ['account_manager'] },             // services, prices, order forms, reservable subscriptions
  { area: 'emails',    roles: ['support'] },                     // the outbox
  { area: 'audit',     roles: [] },                              // every staff and rights action
] as const satisfies ReadonlyArray<{ area: string; roles: readonly StaffRole[] }>

export type StaffArea = (typeof STAFF_TABLE)[number]['area']
export const STAFF_AREAS: readonly StaffArea[] = STAFF_TABLE.map((row) => row.area)

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value)
}

export function isStaffArea(value: unknown): value is StaffArea {
  return typeof value === 'string' && (STAFF_AREAS as readonly string[]).includes(value)
}

/** The roles that open an area, admin first: for the 403 page and the docs. */
export function rolesOpening(area: StaffArea): StaffRole[] {
  const row = STAFF_TABLE.find((r) => r.area === area)!
  return ['admin', ...row.roles]
}

/** Whether a staff member holding `roles` may open `area`. */
export function staffCan(roles: readonly StaffRole[], area: StaffArea): boolean {
  return rolesOpening(area).some((role) => roles.includes(role))
}

/** The areas `roles` open, in the table's order: the back-office menu. */
export function areasOpenTo(roles: readonly StaffRole[]): StaffArea[] {
  return STAFF_AREAS.filter((area) => staffCan(roles, area))
}
