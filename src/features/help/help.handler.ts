// GET /help: Need help for one of the user's contracts (?contract=, else the
// first); GET /help/faq: the FAQ, searched or whole, by topic; GET
// /help/links/:name: on to one of the online help sites (a fixed list).
import type { FastifyReply, FastifyRequest } from 'fastify'
import { field } from '../../lib/forms.js'
import { byTopic, listFaq, MAX_QUERY_LENGTH, searchFaq } from './faq.js'
import { renderHelp } from './help.page.js'
import { HELP_LINKS } from './support-offer.js'
import { NotFoundError } from '../../lib/http-errors.js'

const FAQ_RESULTS = 20

export async function showHelp(request: FastifyRequest, reply: FastifyReply) {
  const code = field(request.query, 'contract').trim()
  return renderHelp(request, reply, { contract: code || undefined })
}

export async function showFaq(request: FastifyRequest, reply: FastifyReply) {
  // What was typed is shown back cut as it is searched: a 10,000-character
  // query is neither an error nor a 10,000-character page.
  const q = field(request.query, 'q').trim().slice(0, MAX_QUERY_LENGTH)
  const locale = request.i18n.locale
  const entries = q ? searchFaq(q, locale, FAQ_RESULTS) : listFaq(locale)
  return reply.render('help/faq', { q, count: entries.length, groups: byTopic(entries) })
}

export async function followHelpLink(request: FastifyRequest, reply: FastifyReply) {
  const link = HELP_LINKS.find((candidate) => candidate.name === (request.params as { name: string }).name)
  if (!link) throw new NotFoundError()
  return reply.redirect(link.href, 303)
}
