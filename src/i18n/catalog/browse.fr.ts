import type { browseEn } from './browse.en.js'

export const browseFr: Record<keyof typeof browseEn, string> = {
}
