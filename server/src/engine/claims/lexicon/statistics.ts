/**
 * What turns a number into a statistic (a percentage, an amount of money, a
 * count of something, a change or a rank), and what turns it into a label or
 * a definition instead ("Article 5", "the 2008 vow", "a 5-year plan", "a 25%
 * tariff"). Written for this project; no list was copied.
 */

/** Words after a number that make it a share. */
export const PERCENT_WORDS: readonly string[] = [
  'percent', 'per cent', 'percentage point', 'percentage points', 'pct', 'basis point', 'basis points',
  'percentage-point', 'pp',
];

/** Magnitude words after a number ("3 billion"): counts or amounts at scale. */
export const MAGNITUDES: readonly string[] = ['million', 'billion', 'trillion', 'bn', 'mn', 'mln', 'crore', 'lakh'];

/** Currency words after a number ("3 billion dollars"). */
export const CURRENCY_WORDS: readonly string[] = [
  'dollars', 'euros', 'pounds', 'yen', 'yuan', 'renminbi', 'rubles', 'roubles', 'hryvnias', 'hryvnia', 'rupees',
  'pesos', 'francs', 'usd', 'eur', 'gbp', 'cny', 'rub', 'uah',
];

/** Currency codes written before a number ("USD 40 million"). */
export const CURRENCY_CODES: readonly string[] = ['usd', 'us', 'eur', 'gbp', 'cny', 'rub', 'uah', 'jpy', 'chf', 'cad', 'aud'];

/**
 * Words before a number that make it a label, not a quantity: legal and
 * document references, parts of a structure, model numbers.
 */
export const IDENTIFIER_WORDS: readonly string[] = [
  'article', 'articles', 'art', 'section', 'sections', 'sec', 'secs', 'title', 'titles', 'chapter', 'chapters', 'ch',
  'rule', 'rules', 'resolution', 'res', 'order', 'orders', 'no', 'nos', 'number', 'numbers', 'figure', 'figures',
  'fig', 'table', 'tables', 'box', 'appendix', 'annex', 'amendment', 'amendments', 'phase', 'stage', 'level',
  'levels', 'tier', 'category', 'class', 'division', 'part', 'parts', 'paragraph', 'paragraphs', 'para', 'clause',
  'clauses', 'subsection', 'subparagraph', 'item', 'items', 'form', 'schedule', 'line', 'lines', 'route', 'highway',
  'interstate', 'flight', 'volume', 'vol', 'issue', 'page', 'pages', 'p', 'pp', 'h.r', 'h.r.', 's', 's.', 'h.res',
  'h.res.', 's.res', 's.res.', 'h.j.res', 'h.j.res.', 's.j.res', 's.j.res.', 'h.con.res', 'h.con.res.',
  's.con.res', 's.con.res.', 'p.l', 'p.l.', 'l', 'stat', 'u.s.c', 'u.s.c.', 'c.f.r', 'c.f.r.', 'cfr', 'usc', 'fy',
  'step', 'goal', 'objective', 'recommendation', 'option', 'pillar', 'principle', 'district', 'ward', 'precinct',
  'grade', 'model', 'block', 'lot', 'unit', 'units', 'room', 'suite', 'building', 'gate', 'pier', 'terminal',
  'platform', 'track', 'channel', 'version', 'v', 'release', 'round', 'docket', 'case', 'cases', 'file', 'report',
  'notice', 'opinion', 'directive', 'regulation', 'regulations', 'standard', 'protocol', 'exhibit', 'attachment',
  'footnote', 'note', 'notes', 'endnote', 'ref', 'reference', 'tab', 'slide', 'week', 'day', 'year', 'years',
  'month', 'session', 'meeting', 'congress', 'law', 'act', 'bill', 'decree', 'code', 'cap', 'type', 'mark', 'mk',
  'block', 'batch', 'lot', 'sector', 'zone', 'area', 'region', 'precinct', 'ward', 'sheet', 'step', 'question',
  'questions', 'q', 'task', 'operation', 'exercise', 'group', 'team', 'squadron', 'battalion', 'brigade', 'wing',
  'fleet', 'corps', 'division', 'regiment', 'company', 'platoon', 'detachment', 'emergency', 'provision',
  'provisions', 'subtitle', 'sub', 'amdt', 'amdt.', 'ex', 'no.', 'vote', 'roll', 'call', 'e.o.', 'e.o', 'eo',
  'fig.', 'pub', 'ord', 'reg', 'regs', 'stat.', 'sess', 'cong', 'h', 'hr', 'pl',
];

/** Words after a small number (10 to 999) that make it a count worth sourcing ("330 missiles", "45 deaths"). */
export const COUNT_NOUNS: readonly string[] = [
  'people', 'persons', 'individuals', 'deaths', 'dead', 'casualties', 'fatalities', 'victims', 'injuries', 'injured',
  'wounded', 'killed', 'refugees', 'migrants', 'immigrants', 'asylum-seekers', 'troops', 'soldiers', 'personnel',
  'service members', 'servicemembers', 'workers', 'employees', 'jobs', 'households', 'families', 'children',
  'students', 'patients', 'infections', 'hospitalizations', 'arrests', 'deportations', 'removals', 'prisoners',
  'detainees', 'hostages', 'homes', 'houses', 'businesses', 'companies', 'firms', 'farms', 'vehicles', 'aircraft',
  'planes', 'jets', 'fighters', 'bombers', 'missiles', 'warheads', 'weapons', 'tanks', 'ships', 'vessels', 'drones',
  'rockets', 'munitions', 'rounds', 'shells', 'attacks', 'strikes', 'incidents', 'crimes', 'shootings', 'homicides',
  'murders', 'overdoses', 'tons', 'tonnes', 'barrels', 'gallons', 'liters', 'litres', 'acres', 'hectares', 'miles',
  'kilometers', 'kilometres', 'km', 'megawatts', 'gigawatts', 'mw', 'gw', 'mwh', 'gwh', 'twh', 'visas',
  'applications', 'voters', 'votes', 'residents', 'citizens', 'users', 'customers', 'subscribers', 'civilians',
  'fighters', 'combatants', 'militants', 'terrorists', 'submarines', 'satellites', 'launchers', 'icbms', 'slbms',
  'artillery', 'schools', 'hospitals', 'clinics', 'beds', 'doses', 'vaccinations', 'tests', 'cases', 'claims',
  'filings', 'layoffs', 'evictions', 'foreclosures', 'bankruptcies', 'crossings', 'encounters', 'apprehensions',
  'seizures', 'arrivals', 'departures', 'visitors', 'tourists', 'passengers', 'flights', 'containers', 'teu',
  'bushels', 'kilograms', 'kg', 'pounds-weight', 'lbs', 'ounces', 'cubic', 'square', 'sq', 'degrees',
  'americans', 'ukrainians', 'russians', 'israelis', 'palestinians', 'afghans', 'syrians', 'iranians', 'chinese',
  'mexicans', 'venezuelans', 'haitians', 'cubans', 'women', 'men', 'girls', 'boys', 'adults', 'seniors', 'veterans',
  'respondents', 'staffers', 'contractors', 'agents', 'officers', 'police',
  'judges', 'lawsuits', 'cases', 'convictions', 'indictments', 'charges', 'sanctions', 'designations',
];

/**
 * Nouns after a percentage that make it a policy parameter, a definition
 * rather than a measurement ("a 25% tariff", "the 2 percent objective").
 */
export const PARAMETER_NOUNS: readonly string[] = [
  'tariff', 'tariffs', 'tax', 'taxes', 'duty', 'duties', 'levy', 'levies', 'surcharge', 'fee', 'fees', 'target',
  'targets', 'goal', 'goals', 'objective', 'objectives', 'threshold', 'thresholds', 'cap', 'caps', 'ceiling',
  'floor', 'limit', 'limits', 'minimum', 'maximum', 'credit', 'credits', 'deduction', 'discount', 'match',
  'matching', 'share', 'stake', 'set-aside', 'requirement', 'requirements', 'benchmark', 'allocation', 'quota',
  'rebate', 'subsidy', 'reimbursement', 'markup', 'penalty', 'withholding', 'exemption', 'allowance', 'bonus',
  'raise', 'cola', 'cut', 'haircut', 'co-payment', 'copayment', 'coinsurance', 'copay', 'interest', 'down',
  'reciprocal', 'ad', 'rule', 'standard', 'mandate', 'margin', 'contribution', 'premium', 'supermajority',
  'majority', 'vote', 'threshold', 'pay', 'salary', 'payment', 'sequester', 'sequestration', 'benefit', 'benefits',
  'stipend', 'wage', 'deductible', 'award', 'fine', 'fines', 'deposit', 'loan', 'loans', 'grant', 'grants',
  'voucher', 'vouchers', 'tuition', 'price', 'award', 'limitation', 'threshold', 'bracket', 'brackets',
  // A figure naming the size of a program it introduces ("the new $1 billion Reconnecting Communities Program").
  'program', 'programs', 'fund', 'initiative', 'accelerator', 'package', 'plan', 'facility', 'challenge',
  'investment', 'commitment', 'pledge', 'appropriation', 'authorization', 'request', 'proposal', 'budget',
  // A figure named again to explain it ("The $33 billion figure represents…").
  'figure', 'sum',
];

/**
 * Verbs that commit an amount rather than measure one ("calling on Congress
 * to invest an additional $17 billion", "is announcing $2.8 million in funding").
 */
export const COMMITMENT_VERBS: readonly string[] = [
  'provide', 'provides', 'provided', 'providing', 'invest', 'invests', 'invested', 'investing', 'award', 'awards',
  'awarded', 'awarding', 'announce', 'announces', 'announced', 'announcing', 'commit', 'commits', 'committed',
  'committing', 'allocate', 'allocates', 'allocated', 'allocating', 'request', 'requests', 'requested',
  'requesting', 'propose', 'proposes', 'proposed', 'proposing', 'pledge', 'pledges', 'pledged', 'pledging',
  'appropriate', 'appropriates', 'appropriated', 'authorize', 'authorizes', 'authorized', 'enact', 'enacted',
  'budget', 'budgeted', 'obligate', 'obligated', 'make', 'makes', 'making', 'offer', 'offers', 'offered',
  'offering', 'deliver', 'delivering', 'mobilize', 'mobilizing', 'secure', 'secured', 'securing', 'dedicate',
  'dedicates', 'dedicated', 'dedicating', 'set', 'sets', 'fund', 'funds', 'funding', 'include', 'includes',
  'included', 'including',
];

/**
 * Official statistical series: a sentence that names the series names its
 * publisher ("the unemployment rate moved down to 11.1 percent" is the BLS
 * figure), as committee minutes and economic briefs do throughout.
 */
export const OFFICIAL_SERIES: readonly string[] = [
  '{|core|headline|total} {consumer|producer} price index',
  '{|core|headline|total} {cpi|ppi|pce|pce price|pce prices|pce price index|cpi-u|c-cpi-u|cpi-w|chained cpi}',
  '{|the} unemployment rate',
  '{|the} {labor|labour} force participation rate',
  '{|total} {|nonfarm} payroll employment',
  'nonfarm payrolls',
  'average hourly earnings',
  'employment cost index',
  '{|real|nominal} {gdp|gdi}',
  '{|real|nominal} gross domestic {product|income}',
  'industrial production',
  'capacity utilization',
  'retail sales',
  'housing starts',
  'trimmed mean',
  'initial claims',
  'personal consumption expenditures',
  'federal funds rate',
  'consumer sentiment',
];

/** Words around an amount that make it an income bracket ("people making less than $400,000 a year"). */
export const INCOME_WORDS: readonly string[] = [
  'making', 'earning', 'earn', 'earns', 'make', 'makes', 'income', 'incomes', 'earners', 'salary', 'salaries',
  'wages', 'agi',
];

/**
 * Words that make a sentence state a rule, so its figures are terms rather
 * than measurements ("applicants must provide at least 50%", "capped at $5,000").
 */
export const REQUIREMENT_WORDS: readonly string[] = [
  'must', 'shall', 'required', 'requires', 'require', 'requirement', 'eligible', 'eligibility', 'qualify',
  'qualifies', 'capped', 'maximum', 'minimum', 'threshold', 'ceiling', 'exceed', 'exceeds', 'exceeding', 'limited',
  'subject', 'assume', 'assumes', 'assumed', 'assuming', 'assumption', 'hypothetical', 'hypothetically',
  'prohibition', 'prohibits', 'prohibited', 'cap',
];

/** Nouns that, a few words before a percentage and joined by "of", "at" or "to", make it a parameter ("a tariff of 25%"). */
export const PARAMETER_HEADS: readonly string[] = [
  'tariff', 'tariffs', 'tax', 'duty', 'duties', 'levy', 'surcharge', 'fee', 'target', 'goal', 'objective',
  'threshold', 'cap', 'ceiling', 'floor', 'limit', 'minimum', 'maximum', 'credit', 'deduction', 'share',
  'match', 'quota', 'stake', 'requirement', 'penalty', 'premium', 'allowance', 'benchmark', 'set-aside',
  'set-asides', 'cost-share', 'matching', 'contribution', 'wage', 'benefit', 'reimbursement', 'subsidy', 'price',
  'charge', 'payment', 'amount', 'level', 'bracket', 'brackets',
];

/** Words before "rate" that make it a policy setting ("the corporate tax rate was cut from 46%"), not a measurement. */
export const SETTING_RATE_MODIFIERS: readonly string[] = [
  'tax', 'tariff', 'duty', 'statutory', 'marginal', 'withholding', 'contribution', 'matching', 'reimbursement',
  'payroll', 'excise', 'vat', 'policy', 'discount', 'lending', 'refinancing', 'repo', 'funds', 'credit', 'corporate',
  'statutory', 'capital-gains', 'gains', 'estate', 'gift', 'bracket',
];

/** Superlatives that, with a rank marker, state a ranking ("the world's largest", "the highest since 1981"). */
export const SUPERLATIVES: readonly string[] = [
  'largest', 'biggest', 'highest', 'lowest', 'smallest', 'fastest', 'slowest', 'richest', 'poorest', 'busiest',
  'strongest', 'weakest', 'deadliest', 'worst', 'best', 'greatest', 'oldest', 'longest', 'heaviest', 'costliest',
  'steepest', 'sharpest', 'most', 'least', 'top', 'leading', 'fastest-growing', 'largest-ever', 'biggest-ever',
];

/** Ordinals that make a superlative a rank ("second-largest"). */
export const ORDINALS: readonly string[] = [
  'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth',
];

/** Words that state a rate of change on their own ("exports doubled since 2019"). */
export const CHANGE_WORDS: readonly string[] = [
  'doubled', 'tripled', 'trebled', 'quadrupled', 'quintupled', 'halved', 'twofold', 'threefold', 'fourfold',
  'fivefold', 'tenfold', 'two-fold', 'three-fold', 'four-fold', 'five-fold', 'ten-fold',
];

/** What may follow a change word for it to be a measurement, not an idiom ("doubled down", "doubled its efforts"). */
export const CHANGE_FOLLOWERS: readonly string[] = [
  'since', 'in', 'from', 'over', 'between', 'to', 'during', 'within', 'last', 'this', 'compared', 'relative',
  'and', 'or', 'year-on-year', 'year-over-year', 'annually', 'again', 'increase', 'rise', 'growth', 'jump',
];

/** Words after a rank word or superlative that mark a record ("highest since", "on record"). */
export const RECORD_MARKERS: readonly string[] = ['since', 'ever', 'record', 'history', 'decades', 'years'];
