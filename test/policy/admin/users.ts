// The back-office's users routes with their staff area (reviewed list; see ../routes.test.ts).
export const usersRoutes: string[] = [
]
