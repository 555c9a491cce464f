/**
 * Phrases that make a sentence a claim someone should stand behind: causes,
 * motives, consensus, predictions and verdicts; plus the hedges that keep a
 * sentence from stating them as fact, and phrases that credit a claim to no
 * one. Written for this project; no list was copied.
 *
 * Pattern syntax (compiled by `claims/phrases.ts`), matched on lower-cased
 * words outside quotations, never across punctuation:
 * - words separated by spaces;
 * - `{a|b c|d}` alternatives, which may be several words; an empty
 *   alternative makes the slot optional (`{|widely}`);
 * - `*` any one word.
 *
 * Every cue is several words on purpose: a single word such as "many",
 * "failed" or "because" would flood a draft.
 */

export type CueKind = 'causal' | 'consensus' | 'prediction' | 'verdict' | 'motive';

export interface CuePattern {
  readonly pattern: string;
  readonly kind: CueKind;
  /** The cue does not count when the next word is one of these ("has failed to pass" is a record, not a verdict). */
  readonly notBefore?: readonly string[];
  /**
   * The cue counts only when one of these words stands at most three words
   * before it: "X are the main reasons for Y" claims a cause, "addressing
   * the root causes of Y" does not.
   */
  readonly after?: readonly string[];
}

const COPULAS = ['is', 'are', 'was', 'were', 'remains', 'remain', 'remained', 'been', 'be', 'became', 'become', 'becomes'];

const BE = '{is|are|was|were|has been|have been|had been|remains|remain|remained}';
const BECAME = '{is|are|was|were|has been|have been|had been|proved|proven|has proved|has proven|have proved|have proven|remains|remain}';

export const CLAIM_CUES: readonly CuePattern[] = [
  // Causes stated as the explanation of something.
  {
    pattern:
      '{main|primary|principal|chief|key|major|biggest|leading|root|real|underlying|fundamental|most important|central|dominant|decisive|true} {reason|reasons|cause|causes|driver|drivers|factor|factors|culprit|culprits|explanation} {for|of|behind|why|in}',
    kind: 'causal',
    after: COPULAS,
  },
  {
    pattern:
      '{largely|mainly|mostly|primarily|partly|in part|entirely|solely|chiefly|principally|directly|wholly|largely or entirely} {due to|because of|the result of|a result of|driven by|caused by|attributable to|explained by|owing to|a consequence of|the product of|fueled by|fuelled by}',
    kind: 'causal',
  },
  { pattern: `${BE} {attributable to|caused by|the result of|a direct result of|a consequence of}`, kind: 'causal' },
  { pattern: '{has led|have led|had led|led directly|has directly led|will lead|would lead} to', kind: 'causal' },
  { pattern: '{has resulted|have resulted|had resulted} in', kind: 'causal' },
  { pattern: '{stems|stem|stemmed} from', kind: 'causal' },
  { pattern: '{is|are|was|were} {|largely|mainly|primarily|partly|directly} to blame for', kind: 'causal' },

  // Consensus: a view credited to everyone.
  {
    pattern: `${BE} {widely|generally|broadly|commonly|universally|almost universally|often|frequently|increasingly|largely} {seen|regarded|considered|viewed|recognized|recognised|acknowledged|accepted|believed|understood|perceived|thought|held|touted|hailed|credited|blamed|deemed|known} {as|to|to be|a|an|the|for}`,
    kind: 'consensus',
  },
  {
    pattern: `${BE} {|widely|generally|often|commonly|usually|typically|frequently|broadly|largely|also} {regarded|considered|seen|viewed|perceived|recognized|recognised} {as one of|as among|one of|among|to be one of|to be among|as the best|as the worst|the best|the worst}`,
    kind: 'consensus',
  },
  { pattern: `${BE} {|widely|generally|often|commonly|usually|typically|frequently|broadly|largely|also} regarded as`, kind: 'consensus' },
  { pattern: 'considered to be {one of|among|the best|the worst|the most|the largest|the leading|the first}', kind: 'consensus' },
  { pattern: `${BE} {|widely|generally|often|commonly|usually|typically|frequently|broadly|largely|also} considered {one of|among|the most|the best|the worst|the largest|the leading|a best practice|the gold standard}`, kind: 'consensus' },
  { pattern: `{|it} ${BE} {|widely|generally|often|commonly|usually|typically} considered to be`, kind: 'consensus' },
  { pattern: `${BE} {well|widely} known {|for|as|throughout|in|among|to}`, kind: 'consensus' },
  { pattern: '{generally|widely|commonly|universally|broadly} {accepted|held|shared} {view|position|wisdom|belief|understanding|explanation}', kind: 'consensus' },
  { pattern: 'the consensus {is|was|continues|remains|among|of|has|holds}', kind: 'consensus' },
  { pattern: `{was|were|has been|have been|had been} {|widely|heavily|sharply|strongly|often|frequently|repeatedly} {criticized|criticised|condemned|praised|lauded|hailed|derided|blamed} {for|as}`, kind: 'consensus' },
  { pattern: `${BE} {|widely|generally|often|commonly|usually|typically|frequently|largely|also|rightly} credited with`, kind: 'consensus' },
  { pattern: '{has|have|had} been {described|called|labeled|labelled|characterized|characterised|touted|dubbed|branded} as', kind: 'consensus' },
  { pattern: '{most|many} {|experts|observers|analysts|economists|scholars|historians|commentators|people|scientists|researchers|americans|officials} {agree|concur|accept}', kind: 'consensus' },
  {
    pattern:
      'there {is|has been|remains} {|a|an} {broad|general|wide|widespread|growing|near-universal|overwhelming|strong|universal|emerging|clear} {consensus|agreement}',
    kind: 'consensus',
  },
  { pattern: 'there {is|can be} {little|no} doubt', kind: 'consensus' },
  { pattern: 'the {prevailing|dominant|conventional|received|consensus|accepted} {view|wisdom}', kind: 'consensus' },
  { pattern: '{conventional|common|received} wisdom', kind: 'consensus' },
  {
    pattern:
      'it is {well known|widely known|common knowledge|well established|well documented|well understood|no secret|undeniable|indisputable|beyond dispute|beyond doubt|an open secret}',
    kind: 'consensus',
  },
  { pattern: '{everyone|everybody} {knows|agrees|understands}', kind: 'consensus' },
  { pattern: '{no one|nobody|few} {disputes|doubts|denies|would dispute|would deny|would disagree|would argue otherwise|can deny|can dispute}', kind: 'consensus' },
  { pattern: 'it goes without saying', kind: 'consensus' },
  { pattern: '{is|are|was|were} {well|widely|generally} {known|understood|documented|established} to', kind: 'consensus' },

  // Predictions stated with certainty.
  {
    pattern:
      '{will|would|is going to|are going to} {|inevitably|certainly|surely|undoubtedly|definitely|only|further|ultimately|eventually|almost certainly|necessarily} {result in|cause|trigger|spark|provoke|backfire|collapse|undermine|destabilize|destabilise|jeopardize|jeopardise|derail|doom|embolden|escalate|worsen|exacerbate|cripple|devastate|wreck|unravel|erode|weaken|harm|hurt|damage}',
    kind: 'prediction',
  },
  {
    pattern:
      '{will|would|is going to|are going to} {|inevitably|certainly|surely|undoubtedly|definitely|ultimately|eventually|almost certainly} fail',
    kind: 'prediction',
    notBefore: ['to'],
  },
  {
    pattern:
      '{will|would} {offer|provide|be|represent|create|give|prove|mean|present|open} {a|an|the} {more|most|better|best|only|far more|much more|far better|much better|less|safer|cheaper|faster|simpler|far less} {|*} {route|path|way|option|solution|approach|alternative|means|avenue|guarantee|outcome|deal|bet|choice|answer|strategy|model|framework|road|course|remedy|pathway}',
    kind: 'prediction',
  },
  { pattern: `{is|are|was|were} {bound|destined|doomed|certain|sure} to`, kind: 'prediction' },

  // Verdicts.
  {
    pattern: '{has|have|had} {|clearly|largely|utterly|completely|plainly|demonstrably|so far|thus far|spectacularly|conspicuously|manifestly} failed',
    kind: 'verdict',
    notBefore: ['to', 'in', 'on', 'by', 'at', 'for', 'twice', 'again', 'a', 'an', 'the', 'its', 'their', 'his', 'her', 'this', 'these'],
  },
  {
    pattern: `${BECAME} {|a|an} {|clear|complete|total|abject|dismal|resounding|major|significant|spectacular|costly|strategic|historic|grave|serious|tragic|unmitigated|colossal|huge|great|massive|catastrophic} {failure|mistake|disaster|fiasco|blunder|debacle|catastrophe|error|miscalculation|folly}`,
    kind: 'verdict',
  },
  {
    pattern: `${BECAME} {|a|an} {resounding|clear|complete|total|unqualified|remarkable|great|huge|major|stunning} success`,
    kind: 'verdict',
  },
  {
    pattern: `${BECAME} {|largely|wholly|entirely|completely|clearly|plainly|utterly|deeply|fundamentally} {ineffective|counterproductive|futile|misguided|doomed|unworkable|unsustainable|untenable|pointless|useless|reckless|disastrous|irresponsible|unjustified|unjustifiable|indefensible|self-defeating|wrongheaded|ill-conceived|short-sighted|shortsighted}`,
    kind: 'verdict',
  },
  {
    pattern: `${BE} the {best|only|most effective|most practical|most realistic|only viable|only realistic|only credible|single best|surest|only sensible|most sensible|most viable} {way|option|solution|route|path|approach|means|answer|hope|choice|course|remedy|alternative}`,
    kind: 'verdict',
  },

  // Motives.
  { pattern: 'the {real|true|underlying|hidden|ulterior|actual|secret} {motive|motives|motivation|goal|goals|aim|aims|purpose|intention|intentions|intent|agenda|objective}', kind: 'motive' },
  { pattern: `{is|are|was|were} {|largely|mainly|primarily|partly|purely|entirely|clearly|solely|chiefly} {motivated|driven} by {|a|the} {desire|fear|wish|ambition|greed|need}`, kind: 'motive' },
  { pattern: '{cynical|thinly veiled|transparent} {ploy|attempt|bid|effort|gambit}', kind: 'motive' },
];

/**
 * Words that keep a claim from being stated as fact ("could lead to", "may
 * be the main reason"). A hedge in the cue's clause, before or inside the
 * cue, silences `unattributed-claim`; statistics stay reported.
 */
export const HEDGES: readonly string[] = [
  'may', 'might', 'could', 'can', 'possibly', 'perhaps', 'potentially', 'arguably', 'likely', 'unlikely',
  'probably', 'apparently', 'apparent', 'seemingly', 'seem', 'seems', 'seemed', 'appear', 'appears', 'appeared',
  'presumably', 'conceivably', 'plausibly', 'allegedly', 'reportedly', 'if', 'unless', 'whether', 'risk', 'risks',
  'maybe', 'suspected', 'suspect', 'speculate', 'speculated', 'perceived', 'would-be', 'possibility', 'possible',
  'chance', 'potential', 'whether', 'assumed', 'assuming', 'hoped',
];

/**
 * Nouns whose "that" clause holds a claim without asserting it ("the
 * assumption that the roads would lead to more traffic").
 */
export const EMBEDDING_NOUNS: readonly string[] = [
  'assumption', 'assumptions', 'expectation', 'expectations', 'belief', 'beliefs', 'hope', 'hopes', 'premise',
  'theory', 'hypothesis', 'argument', 'arguments', 'view', 'views', 'claim', 'claims', 'concern', 'concerns',
  'fear', 'fears', 'worry', 'worries', 'notion', 'idea', 'possibility', 'risk', 'prospect', 'suggestion',
  'allegation', 'allegations', 'contention', 'assertion', 'perception', 'impression', 'speculation', 'question',
];

/**
 * Phrases that credit a claim to no one, wherever they stand. Those built on
 * a verb with a subject ("experts say", "it is believed") are found by the
 * attribution analysis instead; these have no subject to classify.
 */
export const VAGUE_PHRASES: readonly string[] = [
  'by {some|many|most|all|several|numerous|multiple} accounts',
  'some {would|might|could|will} {say|argue|suggest|contend|claim}',
  'it {could|can|might|may} be {argued|said|claimed|suggested|contended}',
  'in the {view|opinion|eyes} of {some|many|most|critics|experts|observers|analysts}',
  '{some|many|most|certain} {have|had} {argued|suggested|claimed|said|contended|speculated|noted|warned}',
  'there {are|have been|were} {|growing|increasing|widespread|persistent|repeated|unconfirmed|credible} {reports|claims|suggestions|rumors|rumours|allegations|concerns} that',
  '{people|sources|those|persons|a person|a source|someone} {familiar with|close to|briefed on|knowledgeable about|with knowledge of}',
  '{widely|commonly|frequently|often|repeatedly} reported',
];
