// The back-office catalog's routes with their staff area (reviewed list; see ../routes.test.ts).
export const catalogRoutes: string[] = [
  'GET /admin/catalog {"staff":"catalog"}',
  'GET /admin/catalog/categories/new {"staff":"catalog"}',
  'POST /admin/catalog/categories/new {"staff":"catalog"}',
  'GET /admin/catalog/categories/:id {"staff":"catalog"}',
  'POST /admin/catalog/categories/:id {"staff":"catalog"}',
  'GET /admin/catalog/services/new {"staff":"catalog"}',
  'POST /admin/catalog/services/new {"staff":"catalog"}',
  'GET /admin/catalog/services/:code {"staff":"catalog"}',
  'POST /admin/catalog/services/:code {"staff":"catalog"}',
  'GET /admin/catalog/subscription-offers/new {"staff":"catalog"}',
  'POST /admin/catalog/subscription-offers/new {"staff":"catalog"}',
  'GET /admin/catalog/subscription-offers/:id {"staff":"catalog"}',
  'POST /admin/catalog/subscription-offers/:id {"staff":"catalog"}',
]
