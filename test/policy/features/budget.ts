// The budget routes with their policy (reviewed list; see ../routes.test.ts).
export const budgetRoutes: string[] = [
  'GET /contracts/:code/budget {"section":"contracts","level":"manager"}',
  'POST /contracts/:code/budget {"section":"contracts","level":"manager"}',
]
