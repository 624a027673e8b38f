// The back-office's routes with their staff area: part of the reviewed list
// of routes.test.ts, kept apart because it is long. Which roles open each
// area is src/policy/staff-table.ts.
export const ADMIN_EXPECTED = [
  'GET /admin {"staff":"dashboard"}',
]
