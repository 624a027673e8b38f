// The back-office catalog's routes with their staff area (reviewed list; see ../routes.test.ts).
export const catalogRoutes: string[] = [
]
