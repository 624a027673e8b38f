// The catalog's browse routes with their policy (reviewed list; see ../routes.test.ts).
export const browseRoutes: string[] = [
  'GET /catalog {"section":"services","level":"visitor","defaultContract":true}',
  'GET /catalog/:service {"section":"services","level":"visitor"}',
]
