// What a contract's support level includes and whom to call: the one place
// to change the support offers and the support centres' contacts.
//
// Cloud Avenue's table and service desk contacts are spec 002's ("Support &
// Coaching"; its ticks were lost in the source, so the phone ticket and the
// experts follow the options: Standard has neither, Bronze has the experts
// for its first 3 months). Flexible Engine's levels are spec 003's. The other
// contacts (Flexible Engine, FCA and the other offers, the Cloud Expertise
// cells) are the portal's own, to be replaced by the provider's real ones.
import type { Offer } from '../../db/contracts.table.js'
import type { MessageKey } from '../../i18n/index.js'

export type SupportFamily = 'cloud_avenue' | 'flexible_engine' | 'other'

export function supportFamily(offer: Offer): SupportFamily {
  if (offer === 'cloud_avenue') return 'cloud_avenue'
  if (offer === 'fe' || offer === 'fe_hds') return 'flexible_engine'
  return 'other'
}

export const CLOUD_AVENUE_LEVELS = ['standard', 'bronze', 'silver', 'gold'] as const
export const FLEXIBLE_ENGINE_LEVELS = ['basic', 'standard', 'business', 'premium'] as const

/** One cell of the Cloud Avenue table: a text with its parameters. */
export interface OfferCell {
  key: MessageKey
  params?: Record<string, number>
}

const YES: OfferCell = { key: 'help.offer.yes' }
const NO: OfferCell = { key: 'help.offer.no' }
const BUSINESS_HOURS: OfferCell = { key: 'help.offer.business_hours' }
const TICKET_24X7: OfferCell = { key: 'help.offer.received_24x7' }

type CloudAvenueLevel = (typeof CLOUD_AVENUE_LEVELS)[number]

/** Spec 002's table, a row per service, a cell per level. The time to repair row comes from time-to-repair.ts. */
export const CLOUD_AVENUE_TABLE: Array<{ label: MessageKey; cells: Record<CloudAvenueLevel, OfferCell> }> = [
  { label: 'help.offer.row.documentation', cells: { standard: YES, bronze: YES, silver: YES, gold: YES } },
  { label: 'help.offer.row.customer_service', cells: { standard: BUSINESS_HOURS, bronze: BUSINESS_HOURS, silver: BUSINESS_HOURS, gold: BUSINESS_HOURS } },
  { label: 'help.offer.row.supervision', cells: { standard: YES, bronze: YES, silver: YES, gold: YES } },
  { label: 'help.offer.row.portal_ticket', cells: { standard: TICKET_24X7, bronze: TICKET_24X7, silver: TICKET_24X7, gold: TICKET_24X7 } },
  { label: 'help.offer.row.phone_ticket', cells: { standard: NO, bronze: YES, silver: YES, gold: YES } },
  { label: 'help.offer.row.experts', cells: { standard: NO, bronze: { key: 'help.offer.first_months', params: { months: 3 } }, silver: YES, gold: YES } },
  {
    label: 'help.offer.row.expertise_hours',
    cells: {
      standard: { key: 'help.offer.not_applicable' },
      bronze: { key: 'help.offer.hours_first_months', params: { hours: 2, months: 3 } },
      silver: { key: 'help.offer.hours_per_month', params: { hours: 2 } },
      gold: { key: 'help.offer.hours_per_month', params: { hours: 4 } },
    },
  },
]

/** The level's column of the table, or undefined when the level isn't one of Cloud Avenue's. */
export function isCloudAvenueLevel(level: string | null): level is CloudAvenueLevel {
  return (CLOUD_AVENUE_LEVELS as readonly string[]).includes(level ?? '')
}

export interface SupportContact {
  phone: string
  email: string
}

export interface SupportContacts {
  serviceDesk: SupportContact
  /** The Cloud Expertise cell, for the levels with a support option. */
  expertise?: SupportContact
}

const SERVICE_DESK: Record<SupportFamily, SupportContact> = {
  cloud_avenue: { phone: '+33 (1) 85 14 93 56', email: 'obs-cloud-z3.servicedesk@orange.com' },
  flexible_engine: { phone: '+33 (1) 85 14 93 50', email: 'servicedesk.flexible-engine@orange.com' },
  other: { phone: '+33 (1) 85 14 93 52', email: 'servicedesk.cloud@orange.com' },
}

const EXPERTISE: Partial<Record<SupportFamily, SupportContact>> = {
  cloud_avenue: { phone: '+33 (1) 85 14 93 58', email: 'cloud-expertise.cloudavenue@orange.com' },
  flexible_engine: { phone: '+33 (1) 85 14 93 54', email: 'cloud-expertise.flexible-engine@orange.com' },
}

// The levels that come with a support option, hence the experts' contact.
const OPTION_LEVELS: Record<SupportFamily, readonly string[]> = {
  cloud_avenue: ['bronze', 'silver', 'gold'],
  flexible_engine: ['business', 'premium'],
  other: [],
}

export function supportContacts(offer: Offer, level: string | null): SupportContacts {
  const family = supportFamily(offer)
  const withOption = level !== null && OPTION_LEVELS[family].includes(level)
  return { serviceDesk: SERVICE_DESK[family], expertise: withOption ? EXPERTISE[family] : undefined }
}

/** Where an advisor message goes when the company has no account manager: the support centre of the contract's offer. */
export function fallbackAdvisorAddress(offer: Offer): string {
  return SERVICE_DESK[supportFamily(offer)].email
}

/** The online help, the same for every contract. Pages link to
 * /help/links/<name>, which redirects here: the portal's pages carry no
 * off-site link, and the destinations are this list and nothing else. */
export const HELP_LINKS: Array<{ name: string; label: MessageKey; href: string }> = [
  { name: 'help-center', label: 'help.links.help_center', href: 'https://docs.prod-cloud-ocb.orange-business.com/' },
  { name: 'community', label: 'help.links.community', href: 'https://community.cloud.orange-business.com/' },
  { name: 'getting-started', label: 'help.links.getting_started', href: 'https://cloud.orange-business.com/en/getting-started/' },
]
