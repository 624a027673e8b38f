// The back-office's records routes with their staff area (reviewed list; see ../routes.test.ts).
export const recordsRoutes: string[] = [
  'GET /admin/audit {"staff":"audit"}',
  'GET /admin/audit.csv {"staff":"audit"}',
  'GET /admin/emails {"staff":"emails"}',
  'GET /admin/emails/:id {"staff":"emails"}',
  'POST /admin/emails/:id/retry {"staff":"emails"}',
  'POST /admin/emails/retry-failed {"staff":"emails"}',
  'GET /admin/billing {"staff":"billing"}',
  'GET /admin/billing.csv {"staff":"billing"}',
]
