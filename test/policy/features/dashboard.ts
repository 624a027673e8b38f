// The dashboard routes with their policy (reviewed list; see ../routes.test.ts).
export const dashboardRoutes: string[] = [
]
