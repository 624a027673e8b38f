// The back-office's companies pages (being built).
import type { FastifyInstance } from 'fastify'

export async function adminCompaniesRoutes(_app: FastifyInstance) {}
