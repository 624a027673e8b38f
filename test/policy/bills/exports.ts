// The bills exports routes with their policy (reviewed list; see ../routes.test.ts).
export const exportsRoutes: string[] = [
  'GET /bills/:code/usage.xlsx {"section":"billing","level":"visitor"}',
  'GET /bills/:code/usage.csv {"section":"billing","level":"visitor"}',
  'GET /bills/:code/simulation.xlsx {"section":"billing","level":"manager"}',
  'GET /bills/:code/invoices/:number.pdf {"section":"billing","level":"manager"}',
  'POST /bills/:code/download {"section":"billing","level":"manager"}',
]
