/**
 * The masked prose of a paragraph or heading, built from the parser's
 * offsets: text stays, markup becomes spaces, atomic non-prose spans become
 * U+FFFC. Shared by the two ways blocks are made from the parser's output
 * (the mdast tree and micromark's event stream), which must agree exactly.
 */
import type { OffsetRange } from '../types';
import { OBJECT_MASK, type Container, type InlineSpan, type ProseBlock } from './model';
import { splitSentences } from './sentences';

const MASK_CODE = OBJECT_MASK.charCodeAt(0);

/** A prose block's masked text under construction: all markup until {@link copyText} puts text back. */
export class ProseMask {
  // UTF-16 code units in place (one typed array, not an array of one-character strings).
  private readonly units: Uint16Array;

  constructor(
    private readonly text: string,
    private readonly start: number,
    end: number,
    /** Whether the block sits in a block quote, whose `>` prefixes on continuation lines are markup. */
    private readonly inQuote: boolean,
  ) {
    const units = new Uint16Array(end - start);
    // Line breaks stay so sentence and line logic still see them.
    for (let i = start; i < end; i++) {
      const code = text.charCodeAt(i);
      units[i - start] = code === 10 || code === 13 ? code : 32;
    }
    this.units = units;
  }

  /** Masks an atomic span (code, URL, image, HTML, footnote reference) with U+FFFC, line breaks kept. */
  maskObject(range: OffsetRange): void {
    const units = this.units;
    for (let i = range[0] - this.start; i < range[1] - this.start; i++) if (units[i] !== 10 && units[i] !== 13) units[i] = MASK_CODE;
  }

  /**
   * Puts back the source of a text node spanning `range`. `escaped`: the
   * node's value is shorter than its source (a backslash escape, a stripped
   * indent), so a backslash before ASCII punctuation is markup.
   */
  copyText(range: OffsetRange, escaped: boolean): void {
    const { text, units, start, inQuote } = this;
    let lineStart = false;
    for (let i = range[0]; i < range[1]; i++) {
      const code = text.charCodeAt(i);
      if (code === 10 || code === 13) {
        lineStart = true;
        continue;
      }
      // Container prefixes ("> " in quotes) and indentation on continuation lines are not prose.
      if (lineStart && (code === 32 || code === 9 || (inQuote && code === 62))) continue;
      lineStart = false;
      // A backslash escape ("\*") is markup; the escaped character is prose.
      if (escaped && code === 92 && i + 1 < range[1] && isAsciiPunctuation(text.charCodeAt(i + 1))) continue;
      units[i - start] = code;
    }
  }

  /** The finished block. */
  block(kind: 'paragraph' | 'heading', container: Container, range: OffsetRange, inlines: InlineSpan[]): ProseBlock {
    const prose = unitsToString(this.units);
    return { kind, container, range, prose, inlines, sentences: splitSentences(prose, this.start) };
  }
}

/** Whether a UTF-16 code unit is ASCII punctuation, which a backslash escapes. */
function isAsciiPunctuation(code: number): boolean {
  return (code >= 33 && code <= 47) || (code >= 58 && code <= 64) || (code >= 91 && code <= 96) || (code >= 123 && code <= 126);
}

/** The string of UTF-16 code units, in chunks small enough for one `fromCharCode` call each. */
function unitsToString(units: Uint16Array): string {
  const CHUNK = 8192;
  if (units.length <= CHUNK) return String.fromCharCode.apply(null, units as unknown as number[]);
  let out = '';
  for (let i = 0; i < units.length; i += CHUNK) out += String.fromCharCode.apply(null, units.subarray(i, i + CHUNK) as unknown as number[]);
  return out;
}
