// The documents routes with their policy (reviewed list; see ../routes.test.ts).
export const documentsRoutes: string[] = [
]
