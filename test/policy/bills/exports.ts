// The bills exports routes with their policy (reviewed list; see ../routes.test.ts).
export const exportsRoutes: string[] = [
]
