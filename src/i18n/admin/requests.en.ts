// The staff side of requests: the queue and a request's handling (see index.ts).
export const adminRequestsEn = {
} as const
