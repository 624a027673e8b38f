// Errors a handler or hook throws; the error plugin renders each as a
// localized page with the right status.

/** 404: also what a user gets for a contract they hold no role on. */
export class NotFoundError extends Error {
  readonly statusCode = 404
  constructor() {
    super('Not found')
  }
}

/** 403: the user is on the contract but their role is too low. */
export class ForbiddenError extends Error {
  readonly statusCode = 403
  constructor(readonly needed?: { section: string; level: string }) {
    super('Forbidden')
  }
}

/** A contract whose referent requires two factors, for a user who hasn't
 * turned them on: the error plugin sends them to enrol (a flash naming the
 * contract and a 303 to /account/security), whoever found the contract. */
export class SecondFactorRequiredError extends Error {
  readonly statusCode = 303
  constructor(readonly contractName: string) {
    super('Second factor required')
  }
}

/** 400: a request no form of ours sends (repeated fields, wrong types). */
export class BadRequestError extends Error {
  readonly statusCode = 400
  constructor(reason: string) {
    super(reason)
  }
}
