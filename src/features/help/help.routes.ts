// Need help: the contract's support level and contacts, the FAQ, and a
// customer advisor by email or by a call back. Every signed-in customer has
// it (spec 000: "At any time from your customer space"); what a contract's
// support includes shows only with support ≥ visitor on it.
import type { FastifyInstance } from 'fastify'
import { followHelpLink, showFaq, showHelp } from './help.handler.js'
import { sendAdvisorMessage } from './advisor.handler.js'
import { requestCallback } from './callback.handler.js'

const signedIn = { policy: 'authenticated' as const }

export async function helpRoutes(app: FastifyInstance) {
  app.get('/help', { config: signedIn }, showHelp)
  app.get('/help/faq', { config: signedIn }, showFaq)
  app.get('/help/links/:name', { config: signedIn }, followHelpLink)
  app.post('/help/advisor', { config: signedIn }, sendAdvisorMessage)
  app.post('/help/callback', { config: signedIn }, requestCallback)
}
