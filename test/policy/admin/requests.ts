// The request queue's routes with their staff area (reviewed list; see ../routes.test.ts).
export const requestsRoutes: string[] = [
  'GET /admin/requests {"staff":"requests"}',
  'GET /admin/requests/:number {"staff":"requests"}',
  'GET /admin/requests/:number/attachments/:id {"staff":"requests"}',
  'POST /admin/requests/:number/comments {"staff":"requests"}',
  'POST /admin/requests/:number/status {"staff":"requests"}',
  'POST /admin/requests/:number/take {"staff":"requests"}',
]
