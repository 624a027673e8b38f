// The budget routes with their policy (reviewed list; see ../routes.test.ts).
export const budgetRoutes: string[] = [
]
