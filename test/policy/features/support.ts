// The support routes with their policy (reviewed list; see ../routes.test.ts).
export const supportRoutes: string[] = [
]
