// The back-office's platforms routes with their staff area (reviewed list; see ../routes.test.ts).
export const platformsRoutes: string[] = [
]
