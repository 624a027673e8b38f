// Staff billing (area `billing`): usage imports, closing a month into
// invoices, publishing them, credit notes and payments.
import type { FastifyInstance } from 'fastify'

export async function adminInvoicingRoutes(app: FastifyInstance) {
  void app
}
