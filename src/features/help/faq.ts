// The FAQ in one language, and its search. The search compares words, not
// patterns: the query is cut, folded (case, accents) and split into words;
// nothing of it is ever turned into a regular expression or a LIKE.
import { FAQ, FAQ_TOPICS, type FaqTopic, type FaqEntryData } from './faq.data.js'
import type { Locale } from '../../i18n/index.js'

export { FAQ_TOPICS, type FaqTopic }

export interface FaqEntry {
  id: string
  topic: FaqTopic
  question: string
  answer: string
}

// A longer query is cut: a question is never longer, and the cost of a
// search stays bounded whatever is posted.
export const MAX_QUERY_LENGTH = 100
const MAX_TERMS = 12
// Question words weigh more than keywords, keywords more than the answer.
const WEIGHT = { question: 5, keyword: 3, answer: 1 } as const

const STOP_WORDS = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'can', 'do', 'does', 'for', 'from', 'how', 'i', 'in', 'is', 'it',
  'my', 'of', 'on', 'or', 'the', 'to', 'what', 'when', 'where', 'which', 'who', 'why', 'with', 'you', 'your',
  'au', 'aux', 'ce', 'ces', 'comment', 'dans', 'de', 'des', 'du', 'en', 'est', 'et', 'il', 'je', 'la', 'le', 'les',
  'l', 'd', 'qu', 'que', 'quel', 'quelle', 'quels', 'quelles', 'qui', 'sur', 'un', 'une', 'ou', 'où', 'mon', 'ma',
  'mes', 'pour', 'par', 'pas', 'plus', 'se', 'sont', 'votre', 'vos', 'y',
])

/** Lower case, accents removed, split on anything that isn't a letter or a digit. */
export function words(text: string): string[] {
  const folded = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
  return folded.split(/[^a-z0-9]+/).filter((word) => word.length > 0)
}

function queryTerms(query: string): string[] {
  const terms = words(query.slice(0, MAX_QUERY_LENGTH)).filter((word) => !STOP_WORDS.has(word))
  return [...new Set(terms)].slice(0, MAX_TERMS)
}

interface IndexedEntry {
  entry: FaqEntry
  question: Set<string>
  /** Words of the question that aren't stop words. */
  questionSize: number
  keyword: Set<string>
  answer: Set<string>
}

function localized(data: FaqEntryData, locale: Locale): FaqEntry {
  return { id: data.id, topic: data.topic, question: data.question[locale], answer: data.answer[locale] }
}

function indexed(locale: Locale): IndexedEntry[] {
  return FAQ.map((data) => ({
    entry: localized(data, locale),
    question: new Set(words(data.question[locale])),
    questionSize: new Set(words(data.question[locale]).filter((word) => !STOP_WORDS.has(word))).size,
    keyword: new Set(data.keywords.flatMap(words)),
    answer: new Set(words(data.answer[locale])),
  }))
}

const INDEX: Record<Locale, IndexedEntry[]> = { en: indexed('en'), fr: indexed('fr') }

// A term matches a word it equals, or begins (from 4 letters: "factur"
// finds "facture" and "facturation", "invoice" finds "invoices").
function has(set: Set<string>, term: string): boolean {
  if (set.has(term)) return true
  if (term.length < 4) return false
  for (const word of set) if (word.startsWith(term)) return true
  return false
}

// Among entries matching the same words, the one whose question is mostly
// those words is the closer one: "reset password" prefers "How do I reset my
// password?" to "How do I change or reset my API Login password?".
function score(item: IndexedEntry, terms: string[]): number {
  let total = 0
  let inQuestion = 0
  for (const term of terms) {
    if (has(item.question, term)) { total += WEIGHT.question; inQuestion++ }
    if (has(item.keyword, term)) total += WEIGHT.keyword
    if (has(item.answer, term)) total += WEIGHT.answer
  }
  return total === 0 ? 0 : total + (WEIGHT.question * inQuestion) / Math.max(1, item.questionSize)
}

/** The entries best matching the words of `query`, best first; none for an empty query. */
export function searchFaq(query: string, locale: Locale, limit = 5): FaqEntry[] {
  const terms = queryTerms(query)
  if (terms.length === 0) return []
  return INDEX[locale]
    .map((item, order) => ({ item, order, score: score(item, terms) }))
    .filter((hit) => hit.score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, limit)
    .map((hit) => hit.item.entry)
}

/** Every entry in `locale`, in the source's order, optionally of one topic. */
export function listFaq(locale: Locale, topic?: FaqTopic): FaqEntry[] {
  return INDEX[locale].map((item) => item.entry).filter((entry) => topic === undefined || entry.topic === topic)
}

export function isFaqTopic(value: unknown): value is FaqTopic {
  return typeof value === 'string' && (FAQ_TOPICS as readonly string[]).includes(value)
}

/** Entries grouped by topic, in topic order, empty topics left out (for the FAQ page). */
export function byTopic(entries: FaqEntry[]): Array<{ topic: FaqTopic; entries: FaqEntry[] }> {
  return FAQ_TOPICS.map((topic) => ({ topic, entries: entries.filter((entry) => entry.topic === topic) })).filter(
    (group) => group.entries.length > 0,
  )
}
