// Staff billing's routes with their staff area (reviewed list; see ../routes.test.ts).
export const invoicingRoutes: string[] = [
  'GET /admin/billing/usage-imports {"staff":"billing"}',
  'POST /admin/billing/usage-imports {"staff":"billing"}',
  'GET /admin/billing/invoicing {"staff":"billing"}',
  'POST /admin/billing/invoicing {"staff":"billing"}',
  'GET /admin/billing/invoices {"staff":"billing"}',
  'GET /admin/billing/invoices/:number {"staff":"billing"}',
  'POST /admin/billing/invoices/:number/publish {"staff":"billing"}',
  'POST /admin/billing/invoices/:number/credit-note {"staff":"billing"}',
  'POST /admin/billing/invoices/:number/payments {"staff":"billing"}',
]
