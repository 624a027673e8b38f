// Messages du back-office (users), en français : mêmes clés que users.en.ts.
import type { usersEn } from './users.en.js'

export const usersFr: Record<keyof typeof usersEn, string> = {
}
