// The catalog's order routes with their policy (reviewed list; see ../routes.test.ts).
export const orderRoutes: string[] = [
]
