/**
 * Escaping for the XML formats (JUnit, Checkstyle). Finding messages quote
 * the drafts, and drafts can hold anything, including control characters
 * that XML 1.0 cannot carry at all (not even as `&#1;`): a report with one
 * is rejected whole by the CI server's parser, so they become U+FFFD.
 */

/**
 * Characters outside XML 1.0's `Char` production: C0 controls other than
 * tab, LF and CR; U+FFFE and U+FFFF; and lone surrogates, which are not
 * characters at all (with the `u` flag a valid pair is one code point, so
 * the surrogate range matches only unpaired halves).
 */
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/gu;

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // A parser turns CR and CRLF into LF unless CR is written as a reference.
  '\r': '&#13;',
  // In attributes, normalisation would turn a tab or line break into a space.
  '\t': '&#9;',
  '\n': '&#10;',
};

/** Text for element content; quotes stay as they are there, so messages remain readable. */
export function xmlText(text: string): string {
  return text.replace(NOT_XML_CHAR, '\uFFFD').replace(/[&<>\r]/g, (char) => ENTITIES[char]!);
}

/** Text for a double- or single-quoted attribute value. */
export function xmlAttribute(text: string): string {
  return text.replace(NOT_XML_CHAR, '\uFFFD').replace(/[&<>"'\r\t\n]/g, (char) => ENTITIES[char]!);
}
