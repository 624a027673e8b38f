// The rights table of PRODUCT.md ("Rights: sections × roles"), as data. It is
// read on every request: adding a section is one line here, a label and the
// "allows" texts in src/i18n. What each role allows is in the catalogs under
// `allows.<section>.<role>`.
import type { Offer } from '../db/contracts.table.js'

export const LEVELS = ['none', 'visitor', 'manager'] as const
export type Level = (typeof LEVELS)[number]

const FE_OFFERS: readonly Offer[] = ['fe', 'fe_hds']

interface SectionRow<Name extends string> {
  name: Name
  /** The roles a user can be given on this section, lowest first. */
  roles: readonly Level[]
  /** Offers the section exists on; every offer when absent. */
  offers?: readonly Offer[]
}

function section<Name extends string>(name: Name, roles: readonly Level[], offers?: readonly Offer[]): SectionRow<Name> {
  return offers ? { name, roles, offers } : { name, roles }
}

//              section          roles offered                      only on
export const RIGHTS_TABLE = [
  section('dashboard',     ['none', 'visitor']),
  section('contracts',     ['visitor', 'manager']), // mandatory: never none
  section('subscriptions', ['none', 'visitor', 'manager'], FE_OFFERS),
  section('documents',     ['none', 'visitor', 'manager']),
  section('billing',       ['none', 'visitor', 'manager']),
  section('orders',        ['none', 'visitor']),
  section('services',      ['none', 'visitor', 'manager']),
  section('support',       ['none', 'visitor']),
  section('users',         ['none', 'visitor', 'manager']),
  section('fe_console',    ['none', 'manager'], FE_OFFERS),
] as const

export type Section = (typeof RIGHTS_TABLE)[number]['name']
export const SECTIONS: readonly Section[] = RIGHTS_TABLE.map((row) => row.name)

/** Console roles of FE and FE HDS contracts (PRODUCT.md, "Plus, on FE…"). */
export const CONSOLES = {
  fe: { roles: ['guest', 'power_user', 'admin'], several: true },
  backup: { roles: ['cust_admin'], several: false },
} as const

export function sectionRow(name: Section): SectionRow<Section> {
  return RIGHTS_TABLE.find((row) => row.name === name) as SectionRow<Section>
}

/** Sections that exist on a contract of this offer. */
export function sectionsForOffer(offer: Offer): SectionRow<Section>[] {
  return RIGHTS_TABLE.filter((row) => !('offers' in row) || (row.offers as readonly Offer[]).includes(offer))
}

export function isSection(value: unknown): value is Section {
  return typeof value === 'string' && (SECTIONS as readonly string[]).includes(value)
}

export function isLevel(value: unknown): value is Level {
  return typeof value === 'string' && (LEVELS as readonly string[]).includes(value)
}

export function rank(level: Level): number {
  return LEVELS.indexOf(level)
}
