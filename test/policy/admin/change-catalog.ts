// The back-office change catalog's routes with their staff area (reviewed list; see ../routes.test.ts).
export const changeCatalogRoutes: string[] = [
  'GET /admin/change-catalog {"staff":"catalog"}',
  'GET /admin/change-catalog/items/new {"staff":"catalog"}',
  'POST /admin/change-catalog/items/new {"staff":"catalog"}',
  'GET /admin/change-catalog/items/:code {"staff":"catalog"}',
  'POST /admin/change-catalog/items/:code {"staff":"catalog"}',
]
