// The Requests section: the list of the user's requests, a request's details
// and its conversation.
import type { FastifyInstance } from 'fastify'

export async function requestsRoutes(app: FastifyInstance) {
  void app
}
