import type { Generated, Selectable } from 'kysely'
import type { Offer } from './contracts.table.js'

/** A platform the offers run on (Flexible Engine, FCA, Cloud Avenue): its
 * incidents and maintenance windows make the customers' weather. */
export interface PlatformsTable {
  id: Generated<number>
  /** flexible_engine | fca | cloud_avenue */
  code: string
  name: string
  position: Generated<number>
}

export interface PlatformRegionsTable {
  id: Generated<number>
  platform_id: number
  code: string
  name: string
}

export type Platform = Selectable<PlatformsTable>
export type PlatformRegion = Selectable<PlatformRegionsTable>

/** The platform each offer runs on; an offer without one (Orange Business,
 * the multi-services grouping) has no weather of its own. */
export const PLATFORM_OF_OFFER: Partial<Record<Offer, string>> = {
  fe: 'flexible_engine',
  fe_hds: 'flexible_engine',
  fca: 'fca',
  cloud_avenue: 'cloud_avenue',
}
