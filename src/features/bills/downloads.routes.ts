// The Bills section's files: usage reports (.xlsx, .csv), the simulation
// (.xlsx), invoices and credit notes (.pdf), several at once (.zip).
import type { FastifyInstance } from 'fastify'

export async function billsDownloadsRoutes(app: FastifyInstance) {
  void app
}
