/** Every rule implementation, in the order they run. */
import { repeatedParagraph } from './repeated-paragraph';
import { repeatedSentence } from './repeated-sentence';
import { repeatedWord } from './repeated-word';
import type { Rule } from './rule';

export const RULE_IMPLEMENTATIONS: readonly Rule[] = [repeatedParagraph, repeatedSentence, repeatedWord];
