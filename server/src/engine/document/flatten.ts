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
