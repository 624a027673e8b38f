// The back-office's companies routes with their staff area (reviewed list; see ../routes.test.ts).
export const companiesRoutes: string[] = [
  'GET /admin/companies {"staff":"companies"}',
  'GET /admin/companies/new {"staff":"companies"}',
  'POST /admin/companies/new {"staff":"companies"}',
  'GET /admin/companies/:id {"staff":"companies"}',
  'GET /admin/companies/:id/edit {"staff":"companies"}',
  'POST /admin/companies/:id/edit {"staff":"companies"}',
  'GET /admin/contracts/new {"staff":"companies"}',
  'POST /admin/contracts/new {"staff":"companies"}',
  'GET /admin/contracts/:code {"staff":"companies"}',
  'GET /admin/contracts/:code/edit {"staff":"companies"}',
  'POST /admin/contracts/:code/edit {"staff":"companies"}',
  'POST /admin/contracts/:code/suspend {"staff":"companies"}',
  'POST /admin/contracts/:code/reactivate {"staff":"companies"}',
  'GET /admin/contracts/:code/close {"staff":"companies"}',
  'POST /admin/contracts/:code/close {"staff":"companies"}',
]
