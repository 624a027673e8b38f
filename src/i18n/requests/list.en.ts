// The list pages of requests and Need help (see index.ts).
export const listEn = {
} as const
