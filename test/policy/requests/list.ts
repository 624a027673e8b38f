// The list routes of requests / Need help with their policy (reviewed list; see ../routes.test.ts).
export const listRoutes: string[] = [
  // The list and its CSV: every contract of the user's request scope; a contract filter outside it is a 404.
  'GET /requests "authenticated"',
  'GET /requests/export.csv "authenticated"',
  // A request's page, its comments and its files: found through the user's request scope, no section policy.
  'GET /requests/:number "authenticated"',
  'POST /requests/:number/comments "authenticated"',
  'GET /requests/:number/attachments/:id "authenticated"',
]
