// (subscriptions: being built)
import type { FastifyInstance } from 'fastify'

export async function subscriptionsRoutes(_app: FastifyInstance) {}
