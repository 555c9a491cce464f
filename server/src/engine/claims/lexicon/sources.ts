/**
 * Words that tell who a subject is: unnamed people and documents (vague
 * sources), groups a document's own context names (committee participants),
 * documents and institutions that a definite article points back to, and
 * pronouns. Written for this project; no list was copied.
 */

/**
 * Unnamed people as a head noun. `nameable` heads become attributed when the
 * text names their body ("officials at the Treasury", "Pentagon officials",
 * "a spokesperson for the ministry"); the others stay unnamed whatever follows
 * ("critics of the plan" names what they criticise, not who they are).
 */
export const VAGUE_PEOPLE: readonly { readonly words: string; readonly nameable: boolean }[] = [
  { words: 'official officials', nameable: true },
  { words: 'source sources', nameable: true },
  { words: 'expert experts', nameable: true },
  { words: 'analyst analysts', nameable: true },
  { words: 'researcher researchers', nameable: true },
  { words: 'scientist scientists', nameable: true },
  { words: 'economist economists', nameable: true },
  { words: 'diplomat diplomats', nameable: true },
  { words: 'aide aides adviser advisers advisor advisors', nameable: true },
  { words: 'spokesperson spokespeople spokesman spokesmen spokeswoman spokeswomen', nameable: true },
  { words: 'strategist strategists specialist specialists', nameable: true },
  { words: 'lawmaker lawmakers legislator legislators', nameable: true },
  { words: 'scholar scholars academic academics historian historians', nameable: true },
  { words: 'insider insiders', nameable: true },
  { words: 'authorities', nameable: true },
  { words: 'critic critics detractor detractors skeptic skeptics sceptic sceptics', nameable: false },
  { words: 'observer observers commentator commentators pundit pundits watcher watchers', nameable: false },
  { words: 'supporter supporters proponent proponents advocate advocates opponent opponents', nameable: false },
  { words: 'people person individuals', nameable: false },
];

/**
 * Quantifiers and pronouns that name nobody when they are the whole subject
 * ("some argue", "many believe", "others contend"). Right after a sentence
 * credited to a named group they are elliptical ("Several participants
 * noted X; others saw Y") and continue that attribution instead.
 */
export const VAGUE_PRONOUNS: readonly string[] = [
  'some', 'many', 'others', 'several', 'most', 'few', 'numerous', 'everyone', 'everybody', 'someone',
  'somebody', 'anyone', 'nobody',
];

/** Unnamed documents or findings in the plural or as a mass ("studies show", "research suggests"). */
export const VAGUE_DOCUMENTS: readonly string[] = [
  'studies', 'research', 'reports', 'surveys', 'polls', 'evidence', 'analyses', 'estimates', 'reporting',
];
// Not here: "data" ("incoming data suggested" in minutes means the official series just released),
// "accounts" (usually bank accounts; "by some accounts" is a vague phrase instead).

/** Single documents that stay unnamed after "a", "one" or "another" ("a recent study found"). */
export const VAGUE_DOCUMENT_SINGULARS: readonly string[] = [
  'study', 'report', 'survey', 'poll', 'analysis', 'paper', 'article', 'estimate', 'investigation', 'review',
  'assessment', 'account',
];

/**
 * Groups that a document's own context names: committee minutes credit
 * "participants" and "members", a court opinion "the majority". Attributed
 * with any determiner ("several participants noted").
 */
export const GROUP_NOUNS: readonly string[] = [
  'participants', 'members', 'delegates', 'conferees', 'authors', 'respondents', 'justices', 'commissioners',
  'governors', 'directors', 'presidents', 'negotiators', 'staff', 'majority', 'minority', 'dissent', 'plurality',
  'plaintiffs', 'defendants', 'petitioners', 'appellants', 'sponsors', 'cosponsors', 'signatories', 'contacts',
  'panelists', 'witnesses', 'leaders', 'ministers', 'allies',
];

/**
 * Institutions, offices and documents: after "the", "its", "this" and the like
 * they point back to a source named earlier ("the ministry said", "the report
 * also found").
 */
export const DEFINITE_SOURCES: readonly string[] = [
  // Institutions and offices.
  'committee', 'board', 'panel', 'commission', 'council', 'court', 'government', 'administration', 'ministry',
  'department', 'agency', 'office', 'bureau', 'bank', 'fund', 'company', 'firm', 'organization', 'organisation',
  'alliance', 'union', 'parliament', 'legislature', 'congress', 'senate', 'house', 'cabinet', 'secretariat',
  'delegation', 'embassy', 'regime', 'kremlin', 'white', 'pentagon', 'treasury', 'desk', 'manager', 'chair',
  'chairman', 'chairwoman', 'chairperson', 'president', 'secretary', 'minister', 'ambassador', 'director',
  'governor', 'mayor', 'senator', 'representative', 'spokesperson', 'spokesman', 'spokeswoman', 'judge', 'author',
  'authors', 'campaign', 'group', 'institute', 'center', 'centre', 'university', 'service', 'military', 'army',
  'navy', 'police', 'prosecutor', 'prosecutors', 'regulator', 'regulators', 'coalition', 'party', 'country',
  'state', 'staff', 'team', 'officials', 'experts', 'analysts', 'researchers', 'critics', 'economists',
  // Documents.
  'report', 'study', 'survey', 'poll', 'analysis', 'assessment', 'review', 'audit', 'paper', 'article', 'memo',
  'memorandum', 'letter', 'statement', 'testimony', 'estimate', 'estimates', 'projection', 'projections',
  'forecast', 'data', 'figures', 'statistics', 'ruling', 'opinion', 'decision', 'order', 'filing', 'complaint',
  'investigation', 'inquiry', 'evaluation', 'census', 'model', 'strategy', 'document', 'release', 'notice',
  'guidance', 'rule', 'law', 'act', 'bill', 'treaty', 'agreement', 'resolution', 'communique', 'communiqué',
  'declaration', 'minutes', 'transcript', 'website', 'database', 'dataset', 'index', 'record', 'records', 'brief',
  'budget', 'proposal', 'plan', 'framework', 'readout', 'summary', 'findings', 'results', 'research', 'studies',
  'reports', 'surveys', 'polls', 'review', 'indictment', 'lawsuit', 'petition', 'motion', 'brief', 'textbook',
  'chart', 'charts', 'figure', 'table', 'graph', 'map', 'exhibit', 'appendix', 'provision', 'provisions',
  'regulation', 'regulations', 'statute', 'section', 'amendment', 'request', 'measure', 'legislation', 'version',
  'text', 'appropriations', 'bills', 'acts', 'laws', 'rules', 'orders', 'agreements', 'proposals', 'requests',
  'program', 'initiative', 'directive', 'memorandum', 'guidelines', 'definition',
];

/**
 * Documents whose content a sentence may describe with the document as its
 * subject ("the bill would provide $250 a week", "the act authorized $1 billion"):
 * the document is the source of its own terms.
 */
export const LEGAL_DOCUMENTS: readonly string[] = [
  'bill', 'bills', 'act', 'acts', 'law', 'laws', 'provision', 'provisions', 'rule', 'rules', 'regulation',
  'regulations', 'statute', 'statutes', 'section', 'sections', 'amendment', 'amendments', 'proposal', 'proposals',
  'request', 'requests', 'order', 'orders', 'agreement', 'agreements', 'treaty', 'treaties', 'measure', 'measures',
  'legislation', 'version', 'versions', 'text', 'budget', 'budgets', 'appropriations', 'resolution', 'directive',
  'memorandum', 'guidance', 'guidelines', 'code', 'constitution', 'charter', 'ordinance', 'decree', 'funds',
  'funding', 'award', 'awards', 'grant', 'grants', 'allocation', 'allocations',
];
// Not here: programs, plans and packages, whose outcomes ("the program cut poverty by 20%") are claims to source.

/** Determiners that make a following noun definite (it points back to something named). */
export const DEFINITE_DETERMINERS: readonly string[] = [
  'the', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'such', 'said', 'aforementioned',
  'above-mentioned', 'above', 'previously', 'same',
];

/** Determiners and quantifiers that leave a noun unnamed. */
export const INDEFINITE_DETERMINERS: readonly string[] = [
  'a', 'an', 'one', 'another', 'some', 'many', 'several', 'most', 'few', 'numerous', 'certain', 'various', 'other',
  'multiple', 'countless', 'unnamed', 'anonymous', 'unidentified', 'recent', 'new', 'previous', 'earlier', 'past',
  'senior', 'junior', 'top', 'former', 'current', 'independent', 'outside', 'leading', 'prominent', 'respected',
  'unnamed', 'all', 'both', 'any', 'each', 'every', 'no', 'much', 'more', 'some', 'growing', 'mounting',
];

/** Capitalised words that do not name a body ("Western officials", "On Monday, officials said"). */
export const NON_NAMING_CAPITALS: readonly string[] = [
  'western', 'eastern', 'i', 'mr', 'mrs', 'ms', 'dr',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
];

/** Pronouns that continue an attribution from the previous sentence. */
export const CONTINUING_PRONOUNS: readonly string[] = ['he', 'she', 'they', 'it'];

/** The writer speaking: "we estimate", "I believe" credit the document itself. */
export const AUTHOR_PRONOUNS: readonly string[] = ['i', 'we'];
