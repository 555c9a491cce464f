/**
 * Longer help for each rule, for reports that carry rule documentation with
 * them (SARIF's `fullDescription` and `help`, which GitHub code scanning
 * shows beside every alert). The engine's registry keeps one line per rule;
 * this text lives on the CLI side because only report formats need it. It
 * holds no links: policylint has no web site, and code-scanning readers
 * should not be sent anywhere to learn what an alert means.
 */
import type { RuleMeta } from '../engine';

export interface RuleDoc {
  /** What exactly counts and what does not, read after the registry's one-line description. */
  readonly details: string;
  /** What to do about a finding, including the settings that tune the rule. */
  readonly howToFix: string;
}

/** One entry per rule id in the engine's registry; a test keeps the two in step. */
export const RULE_DOCS: Readonly<Record<string, RuleDoc>> = {
  'repeated-paragraph': {
    details:
      'Prose paragraphs are compared with every earlier paragraph of the same file and of the files before it in the run, after folding case, whitespace, curly quotes and dashes. ' +
      'A paragraph is reported when it is identical to an earlier one, a near copy (at least repeated.similarity, by default 80%, of its words line up in order), ' +
      'or when nearly all of it lies inside a clearly longer paragraph. Headings, code, tables and paragraphs shorter than repeated.minWords words (default 8) are never compared; ' +
      'list items and block quotes are compared only with their own kind. The later copy is reported, with each earlier copy as a related location.',
    howToFix:
      'Delete the later copy, or rewrite it so that it adds something. An identical copy has a safe fix that deletes the paragraph and one separating blank line. ' +
      'Boilerplate that is meant to repeat, such as a disclaimer, can be listed under repeated.allow in the configuration file.',
  },
  'repeated-sentence': {
    details:
      'A sentence of eight or more words that already appears earlier in the same file or in an earlier file of the run. ' +
      'A sentence inside a paragraph that is itself reported as a repeated paragraph is not reported again.',
    howToFix: 'Keep the sentence in one place, or reword the later occurrence so that it says what is new there.',
  },
  'repeated-word': {
    details:
      'The same word twice in a row, usually a slip when editing ("the the"). Doubles that English allows, such as "had had" and "that that", and repeated names are not reported.',
    howToFix: 'Delete one of the two words. The safe fix keeps the first occurrence.',
  },
  'invalid-directive': {
    details:
      'A policylint comment (policylint-disable, policylint-enable, policylint-disable-line or policylint-disable-next-line) with an unknown directive or an unknown rule id. ' +
      'Such a comment disables nothing, so the findings it was meant to silence are still reported.',
    howToFix: 'Correct the directive or the rule id. The rule ids are the ones this report lists for policylint.',
  },
  'vague-attribution': {
    details:
      'The sentence credits its claim to an unnamed group or to no one: "experts say", "critics argue", "studies show", "it is widely believed", "reportedly". ' +
      'A citation marker in reach (a footnote, a link, "[1]", "(Author 2021)") or a named source ("Pentagon officials", "a 2023 GAO report") makes the source real, and the sentence is not reported.',
    howToFix:
      'Name who makes the claim, or cite where it comes from. Phrases the project treats as vague or as trusted sources can be added under claims.vagueSources and claims.trustedSources.',
  },
  'unsourced-statistic': {
    details:
      'A figure stated as fact (a percentage, an amount of money, a count, a change such as "doubled", a rank such as "the world\'s largest") with no citation marker, ' +
      '"according to" or named source in reach. A sentence whose claim is credited to a vague source is reported as vague-attribution instead.',
    howToFix:
      'Cite the source of the figure, or say who gives it ("according to the Census Bureau"). A suggested fix inserts a "[citation needed]" placeholder to fill in later.',
  },
  'unattributed-claim': {
    details:
      'A cause, consensus, prediction, verdict or motive stated as fact with no source ("X and Y are the main reasons for...", "the sanctions have failed", "which would offer a more practical route"). ' +
      'Only multi-word cues count, and a hedge in the clause ("could", "may", "likely") keeps the sentence from counting as a statement of fact.',
    howToFix:
      'Cite the claim, say who makes it, or hedge it if it is the author\'s own judgement. Verbs that report what a source said can be added under claims.reportingVerbs.',
  },
  'inconsistent-name': {
    details:
      'One name written in different forms across the files of the run: transliterations (Zelenskyy/Zelensky), punctuation and case (U.S./US, NATO/Nato), diacritics (Erdoğan/Erdogan), ' +
      'hyphens (Jean-Pierre/Jean Pierre), or a nickname beside the full name (Mike/Michael Waltz). Forms are grouped only when they certainly name the same thing; ' +
      'quotations and cited titles keep their own spelling.',
    howToFix:
      'Use one form throughout. The form listed under names.preferred wins; otherwise the most common form is suggested. Changing the form of an organisation or acronym is a safe fix; ' +
      'changing a person\'s name is offered for review only. Forms that are different people or things can be declared under names.distinct.',
  },
  'inconsistent-spelling': {
    details:
      'One word spelled two ways across the files of the run: British and American spelling (defence/defense, organisation/organization), hyphenation (ceasefire/cease-fire/cease fire) ' +
      'and lexical variants (adviser/advisor). Capitalised words inside a sentence are proper names and keep their own spelling ("Ministry of Defence").',
    howToFix: 'Use one spelling throughout; the safe fix changes the other forms to the suggested one. A form listed under names.preferred wins.',
  },
  'possible-name-typo': {
    details:
      'A rare spelling of a surname is one or two letters away from a common one in the files of the run (Hegsith beside Hegseth) and may be a misspelling. ' +
      'It is only a hint: the rare form must appear at most twice and the common one at least three times, they must differ in more than an ending, ' +
      'and well-known pairs of different names (Johnson/Johnston, Walz/Waltz) are never reported.',
    howToFix:
      'Correct the spelling if it is a typo. If both are real and different people, declare the pair under names.distinct so that it is not reported again.',
  },
  'acronym-before-definition': {
    details:
      'An acronym is used before the "Full Name (ACR)" that defines it in the same document, so the reader meets the bare acronym first. Headings, quotations and cited titles are not counted as uses.',
    howToFix: 'Move the definition to the first use, and use the bare acronym after it.',
  },
  'acronym-redefined': {
    details:
      'An acronym is defined more than once in one document, either the same way again or two different ways. The first definition stands; each later one is reported.',
    howToFix: 'Keep the first definition and use the bare acronym afterwards; if two different things share the acronym, spell one of them out.',
  },
  'acronym-undefined': {
    details:
      'An acronym is used in a document that never defines it, and a general reader cannot be assumed to know it. Well-known acronyms (US, UK, EU, UN, NATO, GDP and others), ' +
      'Roman numerals, codes with digits (F-35, COVID-19) and dotted citation abbreviations are not reported. Each acronym is reported once, at its first use.',
    howToFix: 'Spell it out at its first use as "Full Name (ACR)". Acronyms that the project\'s readers know can be listed under acronyms.known.',
  },
};

/** The texts SARIF (and any other self-documenting format) shows for a rule. */
export interface RuleDocumentation {
  /** The registry's one line. */
  readonly shortDescription: string;
  /** The one line and the details. */
  readonly fullDescription: string;
  /** Everything a reader needs to act on a finding, in plain text paragraphs. */
  readonly help: string;
}

/**
 * Documentation for `rule`. A rule registered without an entry here (one
 * added to the engine before its help was written) still gets its one-line
 * description everywhere, so a report never lacks a description.
 */
export function ruleDocumentation(rule: Pick<RuleMeta, 'id' | 'description'>): RuleDocumentation {
  const doc = Object.hasOwn(RULE_DOCS, rule.id) ? RULE_DOCS[rule.id] : undefined;
  const fullDescription = doc ? `${rule.description} ${doc.details}` : rule.description;
  const silence =
    `To silence one finding, put <!-- policylint-disable-next-line ${rule.id} -- reason --> on the line above it; ` +
    `to change the rule's severity or turn it off for the project, set rules.${rule.id} in .policylint.yaml.`;
  const help = [fullDescription, ...(doc ? [doc.howToFix] : []), silence].join('\n\n');
  return { shortDescription: rule.description, fullDescription, help };
}
