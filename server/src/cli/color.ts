/**
 * Whether to colour output, and the few ANSI styles the formatters use.
 * Colour is decided once, from the stream and the environment, and handed to
 * formatters as a flag so they stay pure.
 */

/** The parts of a writable stream that decide colour. */
export interface ColorTarget {
  readonly isTTY?: boolean;
}

/**
 * Colour when the stream is a terminal and `NO_COLOR` is unset or empty
 * (no-color.org); a non-empty `FORCE_COLOR` other than `0`/`false` wins over
 * both, as in Node and chalk, so CI logs that render ANSI can opt in.
 */
export function colorEnabled(target: ColorTarget, env: Readonly<Record<string, string | undefined>>): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    // `FORCE_COLOR=` (empty) means "force" in chalk and Node.
    if (force === '' || !['0', 'false'].includes(force.toLowerCase())) return true;
    return false;
  }
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return target.isTTY === true;
}

export type Style = (text: string) => string;

export interface Palette {
  readonly red: Style;
  readonly yellow: Style;
  readonly blue: Style;
  readonly dim: Style;
  readonly bold: Style;
  readonly underline: Style;
}

const sgr = (open: number, close: number): Style => (text) => (text === '' ? '' : `\u001b[${open}m${text}\u001b[${close}m`);
const plain: Style = (text) => text;

/** ANSI styles when `enabled`, identity functions otherwise, so callers never branch on colour. */
export function palette(enabled: boolean): Palette {
  if (!enabled) return { red: plain, yellow: plain, blue: plain, dim: plain, bold: plain, underline: plain };
  return {
    red: sgr(31, 39),
    yellow: sgr(33, 39),
    blue: sgr(34, 39),
    dim: sgr(2, 22),
    bold: sgr(1, 22),
    underline: sgr(4, 24),
  };
}
