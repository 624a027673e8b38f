// The subscriptions routes with their policy (reviewed list; see ../routes.test.ts).
export const subscriptionsRoutes: string[] = [
]
