// The new routes of requests / Need help with their policy (reviewed list; see ../routes.test.ts).
export const newRoutes: string[] = [
  'GET /requests/new "authenticated"',
  'GET /requests/new/incident {"section":"support","level":"visitor"}',
  'POST /requests/new/incident {"section":"support","level":"visitor"}',
  'GET /requests/new/change {"section":"services","level":"manager"}',
  'POST /requests/new/change {"section":"services","level":"manager"}',
]
