// db:copy never prints a password: whatever it echoes (a refused argument, a
// progress line, an error and its stack) goes through here first.

// scheme://user:password@ — up to the last @ of the word, as a URL parser
// reads a password holding an unescaped @.
const URL_PASSWORD = /([a-z][a-z0-9+.-]*:\/\/[^:/@\s"'<>]*):[^\s"'<>]*@/gi

/** The text with every URL's password shown as ***. */
export function withoutPasswords(text: string): string {
  return text.replace(URL_PASSWORD, '$1:***@')
}
