// The bills page routes with their policy (reviewed list; see ../routes.test.ts).
export const pageRoutes: string[] = [
]
