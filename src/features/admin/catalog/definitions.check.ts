// The field definitions typed in a back-office form (a catalog service's, a
// change item's): the parser's own message next to the text area, so staff
// read what is wrong where they typed it. An empty text area is no field.
import type { FieldErrors } from '../../../lib/forms.js'
import { parseFieldDefinitions, type FieldDefinition } from '../../../lib/field-definitions.js'

/** The definitions, or undefined with the parser's message next to the text area. */
export function checkDefinitions(json: string, maxLength: number, errors: FieldErrors): FieldDefinition[] | undefined {
  if (json.length > maxLength) {
    errors.fields_json = { key: 'account.error.too_long', params: { max: maxLength } }
    return undefined
  }
  try {
    return parseFieldDefinitions(json === '' ? '[]' : json)
  } catch (error) {
    // A SyntaxError (not JSON at all) or the parser's first fault, as it says it.
    const problem = error instanceof SyntaxError ? `JSON: ${error.message}` : (error as Error).message
    errors.fields_json = { key: 'admin.catalog.error.fields_json', params: { problem } }
    return undefined
  }
}
