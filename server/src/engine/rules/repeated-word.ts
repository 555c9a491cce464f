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

/** Whether `text` holds two equal words separated only by whitespace. */
export function mayRepeatWord(text: string): boolean {
  const words = text.match(/[\p{L}\p{N}]+|[^\p{L}\p{N}\s]+/gu);
  if (!words) return false;
  for (let i = 1; i < words.length; i++) {
    if (words[i]!.toLowerCase() === words[i - 1]!.toLowerCase() && /[\p{L}\p{N}]/u.test(words[i]!)) return true;
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
