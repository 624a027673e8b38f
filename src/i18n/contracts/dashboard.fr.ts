// Messages des fonctions des contrats (dashboard), en français : mêmes clés que dashboard.en.ts.
import type { dashboardEn } from './dashboard.en.js'

export const dashboardFr: Record<keyof typeof dashboardEn, string> = {
}
