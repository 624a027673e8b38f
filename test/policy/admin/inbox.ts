// The back-office's inbox routes with their staff area (reviewed list; see ../routes.test.ts).
export const inboxRoutes: string[] = [
  'GET /admin/inbox {"staff":"inbox"}',
  'GET /admin/inbox/:id {"staff":"inbox"}',
  'POST /admin/inbox/:id/assign {"staff":"inbox"}',
  'POST /admin/inbox/:id/reply {"staff":"inbox"}',
  'POST /admin/inbox/:id/status {"staff":"inbox"}',
]
