// The catalog's order routes with their policy (reviewed list; see ../routes.test.ts).
export const orderRoutes: string[] = [
  'GET /catalog/:service/order {"section":"services","level":"manager"}',
  'POST /catalog/:service/order {"section":"services","level":"manager"}',
  'POST /catalog/:service/order/choose {"section":"services","level":"manager"}',
  'GET /catalog/:service/order/subscriptions {"section":"services","level":"manager"}',
  'POST /catalog/:service/order/subscriptions {"section":"services","level":"manager"}',
  'GET /catalog/:service/order/summary {"section":"services","level":"manager"}',
]
