// The back-office's records pages (being built).
import type { FastifyInstance } from 'fastify'

export async function adminRecordsRoutes(_app: FastifyInstance) {}
