// User support (PRODUCT.md, "Back-office"): find an account, see its state,
// contracts and roles; unlock it, send a new password link, reset its two
// factors. Every route is the `users` area of the staff table.
import type { FastifyInstance } from 'fastify'
import { listUsers } from './list.handler.js'
import { showUser } from './profile.handler.js'
import { resendLink, resetTotp, unlockUser } from './actions.handler.js'

const users = { policy: { staff: 'users' as const } }

export async function adminUsersRoutes(app: FastifyInstance) {
  app.get('/admin/users', { config: users }, listUsers)
  app.get('/admin/users/:login', { config: users }, showUser)
  app.post('/admin/users/:login/unlock', { config: users }, unlockUser)
  app.post('/admin/users/:login/resend', { config: users }, resendLink)
  app.post('/admin/users/:login/reset-2fa', { config: users }, resetTotp)
}
