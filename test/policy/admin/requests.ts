// The request queue's routes with their staff area (reviewed list; see ../routes.test.ts).
export const requestsRoutes: string[] = [
]
