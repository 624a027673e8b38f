// The back-office's companies routes with their staff area (reviewed list; see ../routes.test.ts).
export const companiesRoutes: string[] = [
]
