// Messages du back-office (records), en français : mêmes clés que records.en.ts.
import type { recordsEn } from './records.en.js'

export const recordsFr: Record<keyof typeof recordsEn, string> = {
}
