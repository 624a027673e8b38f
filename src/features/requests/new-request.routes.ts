// Creating a request: choose the contract and the type, then report an
// incident (with an optional attachment) or request a change from the change
// catalog. The handlers are in ./new/.
import type { FastifyInstance } from 'fastify'
import { acceptAttachments } from './attachments.js'
import { chooseType } from './new/choose.handler.js'
import { sendChange, showChange } from './new/change.handler.js'
import { sendIncident, showIncident } from './new/incident.handler.js'
import { DESCRIPTION_MAX } from './new/incident.form.js'

const supportVisitor = { policy: { section: 'support' as const, level: 'visitor' as const } }
const servicesManager = { policy: { section: 'services' as const, level: 'manager' as const } }

export async function newRequestRoutes(app: FastifyInstance) {
  app.get('/requests/new', { config: { policy: 'authenticated' as const } }, chooseType)

  app.get('/requests/new/incident', { config: supportVisitor }, showIncident)
  // Multipart (the attachment) only where it is posted: _csrf, contract,
  // service, priority, title, description, and room for two more; a field as
  // long as a description in any script (4 bytes a character) arrives whole.
  await app.register(async (withAttachment) => {
    await acceptAttachments(withAttachment, { fields: 8, fieldSize: 4 * DESCRIPTION_MAX + 1024 })
    withAttachment.post('/requests/new/incident', { config: supportVisitor }, sendIncident)
  })

  app.get('/requests/new/change', { config: servicesManager }, showChange)
  app.post('/requests/new/change', { config: servicesManager }, sendChange)
}
