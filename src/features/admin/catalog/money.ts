// A price as staff type it back: "1234,56" in French, "1234.56" in English,
// no currency sign nor thousands separator, so that saving the form again
// reads the same cents (parseEuros accepts both decimal marks).
export function formatEurosForInput(cents: number, locale: string): string {
  const text = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`
  return locale === 'fr' ? text.replace('.', ',') : text
}
