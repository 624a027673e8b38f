// The events a user can be notified of, and the channels each may use. Later
// features add their kinds here (one line each) with a `notification.<kind>`
// text in the catalogs.
export const CHANNELS = ['in_app', 'email'] as const
export type Channel = (typeof CHANNELS)[number]

interface KindRow {
  /** Channels a user may turn off; security mail can't be turned off. */
  optional: readonly Channel[]
}

export const NOTIFICATION_KINDS = {
  password_changed: { optional: ['in_app'] },
  totp_enabled: { optional: ['in_app'] },
  totp_disabled: { optional: ['in_app'] },
  totp_reset: { optional: ['in_app'] }, // by staff, after a lost device (src/features/admin/users)
  budget_threshold: { optional: ['in_app', 'email'] }, // a contract's budget threshold or 100 % reached (src/features/budget)
  support_level_changed: { optional: ['in_app'] }, // src/features/support-level
  subscription_cancellation_scheduled: { optional: ['in_app', 'email'] }, // src/features/subscriptions
  subscription_cancellation_applied: { optional: ['in_app'] }, // src/jobs/subscription-cancellations.ts
  request_status_changed: { optional: ['in_app', 'email'] }, // src/features/requests/request-notifications.ts
  request_reply: { optional: ['in_app', 'email'] }, // src/features/requests/request-notifications.ts
  request_customer_comment: { optional: ['in_app'] }, // to the staff member who took the request (src/features/requests/staff-notifications.ts)
  order_placed: { optional: ['in_app'] }, // the confirmation of an order (src/features/catalog/order-confirmation.ts); its email always goes
  invoice_published: { optional: ['in_app', 'email'] }, // an invoice or credit note published (src/features/bills/invoicing-publish.ts)
  tenant_created: { optional: ['in_app'] }, // a tenant ordered from the catalog, once staff complete the order (src/features/catalog/completion)
} as const satisfies Record<string, KindRow>

export type NotificationKind = keyof typeof NOTIFICATION_KINDS

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === 'string' && value in NOTIFICATION_KINDS
}
