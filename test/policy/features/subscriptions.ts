// The subscriptions routes with their policy (reviewed list; see ../routes.test.ts).
export const subscriptionsRoutes: string[] = [
  'GET /contracts/:code/subscriptions {"section":"subscriptions","level":"visitor"}',
  'GET /contracts/:code/subscriptions/:id/cancel {"section":"subscriptions","level":"manager"}',
  'POST /contracts/:code/subscriptions/:id/cancel {"section":"subscriptions","level":"manager"}',
  'POST /contracts/:code/subscriptions/cancellations/:cid/withdraw {"section":"subscriptions","level":"manager"}',
]
