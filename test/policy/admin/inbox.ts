// The back-office's inbox routes with their staff area (reviewed list; see ../routes.test.ts).
export const inboxRoutes: string[] = [
]
