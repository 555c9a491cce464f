/**
 * Flat strings. V8 keeps a concatenation as a rope (a cons string) until
 * something needs its characters in one piece; a rope keeps its parts alive
 * and makes every `charCodeAt` walk it. A regular-expression match flattens
 * its subject in place, which is the one portable way to ask for it.
 */

const ANYTHING = /^/;

/** Makes `text` a flat string in place and returns it (results never depend on it; speed and memory do). */
export function flatten(text: string): string {
  ANYTHING.test(text);
  return text;
}

/**
 * A copy of `text` that does not keep the string it was cut from alive: V8
 * represents a substring of 13 characters or more as a view of its parent
 * (often a whole document's text), which anything kept past the document's
 * version (a cache, a long-lived table) must not pin. Concatenating and
 * slicing makes V8 copy it flat.
 */
export function detached(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}
