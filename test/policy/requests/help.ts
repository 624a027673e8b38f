// The help routes of requests / Need help with their policy (reviewed list; see ../routes.test.ts).
export const helpRoutes: string[] = [
]
