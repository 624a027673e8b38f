// The back-office's records routes with their staff area (reviewed list; see ../routes.test.ts).
export const recordsRoutes: string[] = [
]
