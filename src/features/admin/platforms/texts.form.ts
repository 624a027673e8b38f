// What incidents and maintenance windows share in their forms: the affected
// regions (one checkbox per region of the platform, `region-<code>`) and the
// title and text customers read, in English AND in French: a customer reads
// the language they chose, so neither may be missing.
import type { PlatformRegion } from '../../../db/platforms.table.js'
import { cleanMultiline, cleanText, field, type FieldErrors } from '../../../lib/forms.js'

export const TITLE_MAX = 120
export const TEXT_MAX = 2000

export interface CustomerTexts {
  title_en: string
  title_fr: string
  text_en: string
  text_fr: string
}

export function readTexts(body: unknown): CustomerTexts {
  return {
    title_en: cleanText(field(body, 'title_en')),
    title_fr: cleanText(field(body, 'title_fr')),
    text_en: cleanMultiline(field(body, 'text_en')),
    text_fr: cleanMultiline(field(body, 'text_fr')),
  }
}

/** One message per missing or over-long text, naming its language, in the order of the form. */
export function textsErrors(texts: CustomerTexts): FieldErrors {
  const errors: FieldErrors = {}
  const check = (name: keyof CustomerTexts, max: number) => {
    const value = texts[name]
    if (!value) errors[name] = `admin.platforms.error.${name}_required`
    else if (value.length > max) errors[name] = { key: 'account.error.too_long', params: { max } }
  }
  check('title_en', TITLE_MAX)
  check('text_en', TEXT_MAX)
  check('title_fr', TITLE_MAX)
  check('text_fr', TEXT_MAX)
  return errors
}

/** The codes of the platform's regions whose box is ticked; a region of another platform can't be named. */
export function readRegionCodes(body: unknown, regions: readonly PlatformRegion[]): string[] {
  return regions.filter((region) => field(body, `region-${region.code}`) === 'on').map((region) => region.code)
}

export function regionsErrors(codes: readonly string[]): FieldErrors {
  return codes.length === 0 ? { regions: 'admin.platforms.error.regions_required' } : {}
}

/** The region rows of the ticked codes, for writing the link table. */
export function regionIds(regions: readonly PlatformRegion[], codes: readonly string[]): number[] {
  return regions.filter((region) => codes.includes(region.code)).map((region) => region.id)
}
