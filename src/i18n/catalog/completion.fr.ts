import type { completionEn } from './completion.en.js'

export const completionFr: Record<keyof typeof completionEn, string> = {
}
