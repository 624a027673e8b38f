// The help routes of requests / Need help with their policy (reviewed list; see ../routes.test.ts).
// Need help is for every signed-in customer (spec 000); the contract is
// looked up among the user's own in the handlers.
export const helpRoutes: string[] = [
  'GET /help "authenticated"',
  'GET /help/faq "authenticated"',
  'GET /help/links/:name "authenticated"',
  'POST /help/advisor "authenticated"',
  'POST /help/callback "authenticated"',
]
