// The documents routes with their policy (reviewed list; see ../routes.test.ts).
export const documentsRoutes: string[] = [
  'GET /contracts/:code/documents {"section":"documents","level":"visitor"}',
  'GET /contracts/:code/documents/:id {"section":"documents","level":"visitor"}',
  'POST /contracts/:code/documents {"section":"documents","level":"manager"}',
  'POST /contracts/:code/documents/:id/delete {"section":"documents","level":"manager"}',
]
