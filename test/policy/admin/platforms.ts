// The back-office's platforms routes with their staff area (reviewed list; see ../routes.test.ts).
export const platformsRoutes: string[] = [
  'GET /admin/platforms {"staff":"platforms"}',
  'GET /admin/platforms/:code {"staff":"platforms"}',
  'GET /admin/incidents/new {"staff":"platforms"}',
  'POST /admin/incidents/new {"staff":"platforms"}',
  'GET /admin/incidents/:id {"staff":"platforms"}',
  'POST /admin/incidents/:id {"staff":"platforms"}',
  'POST /admin/incidents/:id/close {"staff":"platforms"}',
  'GET /admin/maintenance/new {"staff":"platforms"}',
  'POST /admin/maintenance/new {"staff":"platforms"}',
  'GET /admin/maintenance/:id {"staff":"platforms"}',
  'POST /admin/maintenance/:id {"staff":"platforms"}',
  'POST /admin/maintenance/:id/cancel {"staff":"platforms"}',
]
