// The bills page routes with their policy (reviewed list; see ../routes.test.ts).
export const pageRoutes: string[] = [
  'GET /bills {"section":"billing","level":"visitor","defaultContract":true}',
  'GET /bills/:code/statement {"section":"billing","level":"manager"}',
  'GET /bills/:code/statement.csv {"section":"billing","level":"manager"}',
  'POST /bills/:code/admin-contact {"section":"billing","level":"visitor","referentOnly":true}',
]
