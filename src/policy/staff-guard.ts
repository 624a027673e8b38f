// The one guard in front of /admin (Lobsters' staff namespace): a customer
// gets 404 for every URL of it, a staff member without two factors is sent
// to enrol, and one whose roles don't open the area gets 403.
import type { preHandlerAsyncHookHandler } from 'fastify'
import type { Executor } from '../db/database.js'
import { ForbiddenError, NotFoundError } from '../lib/http-errors.js'
import { staffCan, isStaffRole, type StaffArea, type StaffRole } from './staff-table.js'

export interface StaffPolicy {
  staff: StaffArea
}

export interface StaffRights {
  roles: StaffRole[]
}

export async function loadStaffRoles(db: Executor, userId: number): Promise<StaffRole[]> {
  const rows = await db.selectFrom('staff_roles').select('role').where('user_id', '=', userId).execute()
  return rows.map((row) => row.role).filter(isStaffRole)
}

export function staffGuard(policy: StaffPolicy): preHandlerAsyncHookHandler {
  return async function guardStaff(request, reply) {
    const user = request.user
    if (!user || user.is_staff !== 1) throw new NotFoundError()
    if (!user.totp_enabled_at) {
      reply.flash('info', 'admin.totp_required')
      return reply.redirect('/account/security', 303)
    }
    const roles = await loadStaffRoles(request.server.db, user.id)
    request.staff = { roles }
    if (!staffCan(roles, policy.staff)) throw new ForbiddenError({ section: 'staff', level: policy.staff })
  }
}
