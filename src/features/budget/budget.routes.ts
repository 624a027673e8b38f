// (budget: being built)
import type { FastifyInstance } from 'fastify'

export async function budgetRoutes(_app: FastifyInstance) {}
