// The back-office's users routes with their staff area (reviewed list; see ../routes.test.ts).
export const usersRoutes: string[] = [
  'GET /admin/users {"staff":"users"}',
  'GET /admin/users/:login {"staff":"users"}',
  'POST /admin/users/:login/unlock {"staff":"users"}',
  'POST /admin/users/:login/resend {"staff":"users"}',
  'POST /admin/users/:login/reset-2fa {"staff":"users"}',
]
