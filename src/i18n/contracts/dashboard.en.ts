// Messages of the contracts features (dashboard), English: the reference for dashboard.fr.ts.
export const dashboardEn = {
} as const
