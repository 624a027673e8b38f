// The catalog's browse routes with their policy (reviewed list; see ../routes.test.ts).
export const browseRoutes: string[] = [
]
