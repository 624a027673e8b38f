import type { StaffRole } from '../policy/staff-table.js'

/** A staff member's roles in the back-office (src/policy/staff-table.ts). */
export interface StaffRolesTable {
  user_id: number
  role: StaffRole
}
