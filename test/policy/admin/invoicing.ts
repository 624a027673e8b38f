// Staff billing's routes with their staff area (reviewed list; see ../routes.test.ts).
export const invoicingRoutes: string[] = [
]
