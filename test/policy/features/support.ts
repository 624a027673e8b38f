// The support routes with their policy (reviewed list; see ../routes.test.ts).
export const supportRoutes: string[] = [
  'GET /contracts/:code/support-level {"section":"contracts","level":"visitor"}',
  'POST /contracts/:code/support-level {"section":"contracts","level":"manager"}',
]
