// The Bills section: the simulation to date, the month's consumption, the
// invoices history, the account statement and the administrative contact.
import type { FastifyInstance } from 'fastify'

export async function billsRoutes(app: FastifyInstance) {
  void app
}
