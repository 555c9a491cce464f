/** Every rule implementation, in the order they run. */
import { repeatedParagraph } from './repeated-paragraph';
import { repeatedSentence } from './repeated-sentence';
import { repeatedWord } from './repeated-word';
import type { Rule } from './rule';
import { unattributedClaim } from './unattributed-claim';
import { unsourcedStatistic } from './unsourced-statistic';
import { vagueAttribution } from './vague-attribution';
import { inconsistentName } from './inconsistent-name';
import { inconsistentSpelling } from './inconsistent-spelling';
import { possibleNameTypo } from './possible-name-typo';
import { acronymBeforeDefinition } from './acronym-before-definition';
import { acronymRedefined } from './acronym-redefined';
import { acronymUndefined } from './acronym-undefined';

export const RULE_IMPLEMENTATIONS: readonly Rule[] = [repeatedParagraph, repeatedSentence, repeatedWord, vagueAttribution, unsourcedStatistic, unattributedClaim, inconsistentName, inconsistentSpelling, possibleNameTypo, acronymBeforeDefinition, acronymRedefined, acronymUndefined];
