// Messages du back-office (platforms), en français : mêmes clés que platforms.en.ts.
import type { platformsEn } from './platforms.en.js'

export const platformsFr: Record<keyof typeof platformsEn, string> = {
}
