// Why an order's effect can't apply when staff complete it. Thrown inside the
// status change's transaction, it rolls the whole change back (the status
// too); the staff page shows the message (409) so that they reject the order
// with a reason instead, or (403) that another staff role must complete it.
import type { MessageKey, Params } from '../../../i18n/index.js'

export class OrderEffectRefused extends Error {
  constructor(readonly key: MessageKey, readonly params: Params = {}, readonly status: 403 | 409 = 409) {
    super(`order effect refused: ${key}`)
  }
}
