// Mêmes clés que requests.en.ts.
import type { adminRequestsEn } from './requests.en.js'

export const adminRequestsFr: Record<keyof typeof adminRequestsEn, string> = {
}
