/**
 * repeated-word: "the the". Detection is retext-repeated-words (with its
 * exceptions such as "had had" and "Duran Duran"); because retext's English
 * parser is slow, it only runs on blocks where a cheap scan finds two equal
 * words side by side.
 */
import { unified } from 'unified';
import retextEnglish from 'retext-english';
import retextRepeatedWords from 'retext-repeated-words';
import { VFile } from 'vfile';
import type { ProseBlock } from '../document/model';
import type { Finding } from '../types';
import type { BlockRule, RuleContext } from './rule';

const processor = unified().use(retextEnglish).use(retextRepeatedWords).freeze();

const WORD_PAIR = /([\p{L}\p{N}]+)(\s+)([\p{L}\p{N}]+)/gu;

/** Character classes of the pre-scan: letters and digits, whitespace, anything else. */
const WORD = 1;
const SPACE = 2;
const OTHER = 3;
const NON_ASCII_WORD = /^[\p{L}\p{N}]$/u;
const NON_ASCII_SPACE = /^\s$/u;
/** Classes of the non-ASCII code points met so far (prose holds few distinct ones). */
const nonAsciiClass = new Map<number, number>();

function classOf(code: number): number {
  if (code < 128) {
    if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return WORD;
    return code === 32 || (code >= 9 && code <= 13) ? SPACE : OTHER;
  }
  let known = nonAsciiClass.get(code);
  if (known === undefined) {
    const ch = String.fromCodePoint(code);
    known = NON_ASCII_WORD.test(ch) ? WORD : NON_ASCII_SPACE.test(ch) ? SPACE : OTHER;
    nonAsciiClass.set(code, known);
  }
  return known;
}

/** Whether the ASCII letters and digits `text[a, a + length)` and `text[b, b + length)` are equal up to case. */
function equalAsciiIgnoringCase(text: string, a: number, b: number, length: number): boolean {
  for (let i = 0; i < length; i++) {
    const x = text.charCodeAt(a + i);
    const y = text.charCodeAt(b + i);
    // Setting bit 5 lower-cases a letter and leaves a digit as it is; a digit never equals a letter so.
    if (x !== y && (x | 32) !== (y | 32)) return false;
  }
  return true;
}

/**
 * Whether `text` holds two equal words (letters and digits, compared lower-cased)
 * separated only by whitespace. One scan without allocating: it runs on every
 * prose block, and retext only on the few where it answers yes. Non-ASCII words
 * are compared as `toLowerCase` compares them.
 */
export function mayRepeatWord(text: string): boolean {
  // The previous word's bounds, while only whitespace has followed it; -1 otherwise.
  let wordStart = -1;
  let wordEnd = -1;
  let wordAscii = true;
  let i = 0;
  while (i < text.length) {
    const code = text.codePointAt(i)!;
    const kind = classOf(code);
    if (kind === SPACE) {
      i += code > 0xffff ? 2 : 1;
      continue;
    }
    if (kind === OTHER) {
      wordStart = -1;
      i += code > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    let ascii = true;
    while (i < text.length) {
      const c = text.codePointAt(i)!;
      if (classOf(c) !== WORD) break;
      if (c >= 128) ascii = false;
      i += c > 0xffff ? 2 : 1;
    }
    if (wordStart >= 0) {
      const length = i - start;
      if (ascii && wordAscii) {
        // Lower-casing keeps an ASCII word's length.
        if (length === wordEnd - wordStart && equalAsciiIgnoringCase(text, wordStart, start, length)) return true;
      } else if (text.slice(wordStart, wordEnd).toLowerCase() === text.slice(start, i).toLowerCase()) {
        return true;
      }
    }
    wordStart = start;
    wordEnd = i;
    wordAscii = ascii;
  }
  return false;
}

export const repeatedWord: BlockRule = {
  id: 'repeated-word',
  scope: 'block',
  applies: () => true,
  check(block: ProseBlock, context: RuleContext): Finding[] {
    if (!mayRepeatWord(block.prose)) return [];
    const file = new VFile(block.prose);
    processor.runSync(processor.parse(file), file);
    const findings: Finding[] = [];
    for (const message of file.messages) {
      const start = message.place && 'start' in message.place ? message.place.start.offset : undefined;
      const end = message.place && 'end' in message.place ? message.place.end.offset : undefined;
      if (start === undefined || end === undefined) continue;
      const actual = block.prose.slice(start, end);
      WORD_PAIR.lastIndex = 0;
      const pair = WORD_PAIR.exec(actual);
      if (!pair) continue;
      const word = pair[3]!;
      // Keep the first word (it carries sentence capitalisation), drop the gap and the second.
      const firstEnd = start + pair[1]!.length;
      findings.push({
        ruleId: this.id,
        severity: context.severity,
        message: `"${word}" is repeated; remove one occurrence.`,
        range: [start, end],
        fixes: [{ title: `Delete repeated "${word}"`, edits: [{ range: [firstEnd, end], newText: '' }], safe: true }],
      });
    }
    return findings;
  },
};
