// Every 15 minutes: budget alerts due (see src/features/budget/budget-alerts.ts).
// Usage arrives at most a few times a day, so a quarter of an hour is prompt
// enough and keeps the grouped month-to-date query rare.
import { sendBudgetAlerts } from '../features/budget/budget-alerts.js'
import type { ScheduledJob } from './scheduled.js'

export const budgetAlertsJob: ScheduledJob = {
  name: 'budget-alerts',
  everyMs: 15 * 60_000,
  run: async ({ db, config }, now) => ({ ...(await sendBudgetAlerts(db, config.publicUrl, now)) }),
}
