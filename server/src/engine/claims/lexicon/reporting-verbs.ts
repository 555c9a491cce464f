/**
 * Verbs that credit a statement to whoever is their subject. Written for this
 * project (no list was copied); every form is spelled out rather than
 * generated, because English inflection is irregular and a missing form is
 * easier to see in a list than in a rule.
 *
 * Each line is one verb: its forms separated by spaces. The kind decides how
 * the verb behaves:
 * - `speech`: says something ("said", "warned", "told"); credits any named subject.
 * - `cognition`: holds a view ("believes", "judged"); "many believe" is vague.
 * - `evidence`: a document or data "shows" something; only sources take it
 *   ("studies show" is vague, "GAO data show" is attributed, "prices suggest" is neither).
 * - `decision`: a body decides ("the Committee decided"); the body is the source of the figure it set.
 */

export type VerbKind = 'speech' | 'cognition' | 'evidence' | 'decision';

export const SPEECH_VERBS: readonly string[] = [
  'say says said saying',
  'state states stated stating',
  'claim claims claimed claiming',
  'argue argues argued arguing',
  'contend contends contended contending',
  'maintain maintains maintained maintaining',
  'assert asserts asserted asserting',
  'insist insists insisted insisting',
  'allege alleges alleged alleging',
  'note notes noted noting',
  'observe observes observed observing',
  'remark remarks remarked remarking',
  'comment comments commented commenting',
  'emphasize emphasizes emphasized emphasizing emphasise emphasises emphasised emphasising',
  'stress stresses stressed stressing',
  'underline underlines underlined underlining',
  'underscore underscores underscored underscoring',
  'highlight highlights highlighted highlighting',
  'add adds added adding',
  'tell tells told telling',
  'write writes wrote written writing',
  'report reports reported reporting',
  'announce announces announced announcing',
  'declare declares declared declaring',
  'warn warns warned warning',
  'caution cautions cautioned cautioning',
  'explain explains explained explaining',
  'acknowledge acknowledges acknowledged acknowledging',
  'admit admits admitted admitting',
  'concede concedes conceded conceding',
  'confirm confirms confirmed confirming',
  'deny denies denied denying',
  'dispute disputes disputed disputing',
  'reiterate reiterates reiterated reiterating',
  'reaffirm reaffirms reaffirmed reaffirming',
  'testify testifies testified testifying',
  'recall recalls recalled recalling',
  'mention mentions mentioned mentioning',
  'describe describes described describing',
  'characterize characterizes characterized characterizing characterise characterises characterised characterising',
  'predict predicts predicted predicting',
  'forecast forecasts forecasted forecasting',
  'project projects projected projecting',
  'estimate estimates estimated estimating',
  'calculate calculates calculated calculating',
  'recommend recommends recommended recommending',
  'propose proposes proposed proposing',
  'urge urges urged urging',
  'accuse accuses accused accusing',
  'blame blames blamed blaming',
  'criticize criticizes criticized criticizing criticise criticises criticised criticising',
  'question questions questioned questioning',
  'express expresses expressed expressing',
  'point points pointed pointing',
  'disclose discloses disclosed disclosing',
  'announce',
  'answer answers answered answering',
  'respond responds responded responding',
  'reply replies replied replying',
  'counter counters countered countering',
  'suggest suggests suggested suggesting',
  'signal signals signaled signalled signaling signalling',
  'cite cites cited citing',
  'publish publishes published publishing',
  'call calls called calling',
  'discuss discusses discussed discussing',
  'release releases released releasing',
  'conclude concludes concluded concluding',
  'find finds found finding',
];

export const COGNITION_VERBS: readonly string[] = [
  'believe believes believed believing',
  'think thinks thought thinking',
  'judge judges judged judging',
  'assess assesses assessed assessing',
  'expect expects expected expecting',
  'anticipate anticipates anticipated anticipating',
  'fear fears feared fearing',
  'consider considers considered considering',
  'view views viewed viewing',
  'see sees saw seen seeing',
  'feel feels felt feeling',
  'understand understands understood understanding',
  'doubt doubts doubted doubting',
  'worry worries worried worrying',
  'hope hopes hoped hoping',
];

export const EVIDENCE_VERBS: readonly string[] = [
  'show shows showed shown showing',
  'indicate indicates indicated indicating',
  'reveal reveals revealed revealing',
  'demonstrate demonstrates demonstrated demonstrating',
  'document documents documented documenting',
  'prove proves proved proven proving',
];

export const DECISION_VERBS: readonly string[] = [
  'decide decides decided deciding',
  'agree agrees agreed agreeing',
  'vote votes voted voting',
  'approve approves approved approving',
  'direct directs directed directing',
  'authorize authorizes authorized authorizing',
  'determine determines determined determining',
];

/**
 * Forms that are far more often nouns or take a plain object ("insurance
 * claims rose", "the staff added 200,000 jobs to the forecast"); they count
 * as reporting only before "that", a colon, a comma, a quotation or the end
 * of the sentence. Numbers are allowed after the estimating verbs.
 */
export const STRICT_FORMS: readonly string[] = [
  'claims', 'notes', 'reports', 'estimates', 'states', 'points', 'projects', 'forecasts', 'views', 'stresses',
  'highlights', 'underscores', 'comments', 'remarks', 'questions', 'documents', 'signals', 'counters', 'answers',
  'add', 'adds', 'added', 'adding', 'see', 'sees', 'saw', 'seen', 'feel', 'feels', 'felt', 'find', 'finds',
  'hope', 'hopes', 'hoped', 'fear', 'fears', 'feared', 'worry', 'worries', 'worried', 'doubt', 'doubts',
  'doubted', 'show', 'shows', 'showed', 'shown', 'document', 'documented', 'point', 'pointed', 'express',
  'expresses', 'expressed', 'determine', 'determines', 'determined', 'direct', 'directs', 'directed', 'cite',
  'cites', 'cited', 'mention', 'mentions', 'mentioned', 'describe', 'describes', 'described',
  'consider', 'considers', 'considered', 'view', 'viewed', 'question', 'questioned', 'approve', 'approves',
  'approved', 'authorize', 'authorizes', 'authorized', 'vote', 'votes', 'voted', 'project', 'projected',
  'respond', 'responds', 'responded', 'answer', 'answered', 'reply', 'replies', 'replied', 'counter',
  'countered', 'maintain', 'maintains', 'maintained', 'comment', 'commented', 'signal', 'signaled',
  'signalled', 'recall', 'recalls', 'recalled', 'admit', 'admits', 'admitted', 'decide', 'decides', 'decided',
  'indicate', 'indicates', 'indicated', 'reveal', 'reveals', 'revealed', 'prove', 'proves', 'proved', 'proven',
  'demonstrate', 'demonstrates', 'demonstrated', 'dispute', 'disputes', 'disputed', 'question', 'deny',
  'denies', 'denied', 'confirm', 'confirms', 'confirmed',
  'release', 'releases', 'released', 'write', 'writes', 'wrote', 'written', 'call', 'calls', 'called', 'calling',
  // Base forms that are also nouns ("an observer state in the ISA", "the report estimate").
  'state', 'report', 'note', 'claim', 'estimate', 'forecast', 'remark', 'signal', 'cite', 'mention', 'describe',
  'warning', 'caution', 'dispute', 'comment',
];

/**
 * Forms after which "point"/"express" need a particle or object to report
 * ("pointed out", "expressed concern"); these are the words that may follow.
 */
export const STRICT_OBJECTS: readonly string[] = [
  'that', 'out', 'to', 'concern', 'concerns', 'the', 'a', 'an', 'support', 'skepticism', 'scepticism', 'doubt',
  'doubts', 'confidence', 'optimism', 'pessimism', 'worry', 'worries', 'hope', 'frustration', 'alarm', 'regret',
  'reservations', 'interest', 'opposition', 'disappointment', 'satisfaction', 'uncertainty', 'view', 'views',
  'expectation', 'expectations',
];

/**
 * Past participles that make agentless impersonal attributions after "it is"
 * ("it is believed that", "it has been reported") or, before "to", after any
 * subject ("he is said to have", "the talks are reported to be").
 */
export const IMPERSONAL_PARTICIPLES: readonly string[] = [
  'believed', 'thought', 'said', 'reported', 'claimed', 'argued', 'alleged', 'rumored', 'rumoured', 'understood',
  'feared', 'suggested', 'assumed', 'presumed', 'felt', 'estimated', 'expected', 'asserted', 'contended',
  'speculated', 'posited', 'theorized', 'theorised', 'hypothesized', 'conjectured', 'whispered',
];
// Not here on purpose: "it was agreed/noted/decided" (a committee's own record in minutes) and
// "it is accepted/known/recognized", which the consensus cues cover when an adverb makes them a claim.

/** Of the impersonal participles, those that credit a person-subject's description to no one ("is said to"). */
export const HEARSAY_BEFORE_TO: readonly string[] = [
  'believed', 'thought', 'said', 'reported', 'rumored', 'rumoured', 'alleged', 'understood', 'feared', 'claimed',
];

/** Adverbs that credit a statement to unnamed reports. */
export const HEARSAY_ADVERBS: readonly string[] = ['reportedly', 'reputedly', 'purportedly', 'supposedly', 'rumoredly'];

/**
 * Verbs by which a document states its own terms ("the bill would provide",
 * "the act authorized", "the request included"): with a legal document as
 * subject, the sentence is sourced by that document.
 */
export const DOCUMENT_VERBS: readonly string[] = [
  'would', 'will', 'requires', 'required', 'require', 'provides', 'provided', 'provide', 'authorizes', 'authorized',
  'authorize', 'appropriates', 'appropriated', 'appropriate', 'sets', 'set', 'establishes', 'established',
  'establish', 'directs', 'directed', 'direct', 'allows', 'allowed', 'allow', 'permits', 'permitted', 'permit',
  'prohibits', 'prohibited', 'prohibit', 'limits', 'limited', 'limit', 'caps', 'capped', 'cap', 'includes',
  'included', 'include', 'increases', 'increased', 'increase', 'reduces', 'reduced', 'reduce', 'extends',
  'extended', 'extend', 'amends', 'amended', 'amend', 'specifies', 'specified', 'specify', 'defines', 'defined',
  'define', 'mandates', 'mandated', 'mandate', 'makes', 'made', 'make', 'allocates', 'allocated', 'allocate',
  'funds', 'funded', 'fund', 'proposes', 'proposed', 'propose', 'contains', 'contained', 'contain', 'gives',
  'gave', 'give', 'raises', 'raised', 'raise', 'lowers', 'lowered', 'lower', 'cuts', 'cut', 'repeals',
  'repealed', 'repeal', 'creates', 'created', 'create', 'imposes', 'imposed', 'impose', 'exempts', 'exempted',
  'exempt', 'calls', 'called', 'call', 'sought', 'seeks', 'seek', 'rescinds', 'rescinded', 'rescind',
  'designates', 'designated', 'designate', 'offers', 'offered', 'offer', 'expands', 'expanded', 'expand',
  'doubles', 'doubled', 'double', 'triples', 'tripled', 'halves', 'halved', 'can', 'could', 'may', 'must', 'shall',
  'applies', 'applied', 'apply', 'is', 'was', 'are', 'were', 'totals', 'totaled', 'totalled', 'amounts', 'equals',
  'represents', 'represented', 'covers', 'covered', 'targets', 'targeted',
];

/** Modals that count as a document verb only before one ("would provide", not "would cost"). */
export const DOCUMENT_MODALS: readonly string[] = ['would', 'will', 'can', 'could', 'may', 'must', 'shall'];

/** Acts by which a named body sets a figure itself ("Congress appropriated $5 billion", "the PWAA authorized…"). */
export const LEGAL_ACTS: readonly string[] = [
  'authorized', 'authorizes', 'appropriated', 'appropriates', 'enacted', 'enacts', 'mandated', 'mandates',
  'allocated', 'allocates', 'required', 'requires', 'established', 'establishes', 'obligated', 'awarded', 'awards',
  'rescinded', 'designated', 'budgeted', 'requested', 'requests', 'set', 'sets', 'imposed', 'imposes', 'raised',
  'lowered', 'approved', 'approves', 'proposed', 'proposes', 'announced', 'announces', 'pledged', 'pledges',
  'committed', 'commits', 'provided', 'provides', 'directed', 'directs', 'instructed', 'ordered', 'capped',
  'limited', 'extended', 'increased', 'reduced', 'cut', 'raised', 'lowered', 'maintained', 'maintains',
  'continued', 'purchased', 'reinvested', 'decided', 'voted', 'agreed', 'limits', 'caps', 'sets', 'restricts',
  'restricted', 'directs', 'allows', 'allowed', 'permits', 'permitted',
];

/** Base forms of legal acts, which count only after a modal ("the Committee would increase its holdings by…"). */
export const LEGAL_ACT_BASES: readonly string[] = [
  'increase', 'reduce', 'raise', 'lower', 'provide', 'authorize', 'appropriate', 'allocate', 'require',
  'establish', 'direct', 'extend', 'cap', 'limit', 'maintain', 'continue', 'purchase', 'reinvest', 'cut', 'set',
  'award', 'request', 'propose', 'impose', 'designate', 'mandate', 'enact', 'rescind',
];

/**
 * Opinion verbs: only with these does a bare quantifier ("some argue", "many
 * believe") credit a claim to no one. "Some also signaled…" or "others
 * judged…" in minutes refer back to the participants just named.
 */
export const WEASEL_VERBS: readonly string[] = [
  'say', 'says', 'said', 'argue', 'argues', 'argued', 'claim', 'claimed', 'believe', 'believes', 'believed',
  'contend', 'contends', 'contended', 'suggest', 'suggests', 'suggested', 'think', 'thinks', 'thought', 'assert',
  'asserts', 'asserted', 'maintain', 'maintained', 'feel', 'felt', 'fear', 'feared', 'insist', 'insists',
  'insisted', 'allege', 'alleges', 'alleged', 'worry', 'worried', 'speculate', 'speculated', 'warn', 'warned',
  'criticize', 'criticized', 'criticise', 'criticised', 'consider', 'considered', 'view', 'viewed', 'describe',
  'described', 'charge', 'charged', 'question', 'questioned', 'doubt', 'doubted', 'dispute', 'disputed', 'see',
];

/** Participles that credit an opinion to their "by" agent ("regarded by many", "perceived by critics as"). */
export const OPINION_PARTICIPLES: readonly string[] = [
  'regarded', 'considered', 'seen', 'viewed', 'perceived', 'described', 'called', 'praised', 'criticized',
  'criticised', 'hailed', 'touted', 'labeled', 'labelled', 'branded', 'dubbed', 'characterized', 'characterised',
  'recognized', 'recognised', 'acknowledged', 'accepted', 'believed', 'thought', 'cited', 'credited',
  'blamed', 'condemned', 'celebrated', 'lauded', 'questioned', 'disputed', 'challenged', 'rejected', 'deemed',
  'judged', 'assessed', 'estimated', 'projected', 'reported', 'noted', 'stated', 'said', 'claimed', 'argued',
];

/**
 * Participles whose "by" agent is credited only when named: measurement
 * ("the trimmed mean measure constructed by the Dallas Fed") and proposals
 * ("the deal outlined by President Biden"). "Supported by substantial
 * evidence" credits no one, but blames no one either.
 */
export const AGENT_PARTICIPLES: readonly string[] = [
  'constructed', 'compiled', 'published', 'produced', 'calculated', 'computed', 'measured', 'collected',
  'released', 'issued', 'prepared', 'conducted', 'tabulated', 'tracked', 'maintained', 'modeled', 'modelled',
  'surveyed', 'recorded', 'counted', 'forecast', 'forecasted', 'predicted', 'found', 'documented', 'shown',
  // Proposals by a named author: "the deal outlined by President Biden that would lead to…".
  'outlined', 'presented', 'announced', 'proposed', 'unveiled', 'advanced', 'endorsed', 'backed', 'supported',
  'introduced', 'sponsored', 'drafted', 'negotiated', 'brokered', 'offered',
];
