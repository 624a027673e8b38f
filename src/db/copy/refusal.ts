/**
 * Why db:copy stops: one line for the operator, exit 1. Thrown before the
 * target is touched (bad arguments, unreadable source, non-empty target…) or
 * while copying, in which case the target's transaction is rolled back.
 */
export class CopyRefusal extends Error {}
