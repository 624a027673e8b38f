// The new pages of requests and Need help (see index.ts).
export const newEn = {
} as const
