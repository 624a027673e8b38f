// The new routes of requests / Need help with their policy (reviewed list; see ../routes.test.ts).
export const newRoutes: string[] = [
]
