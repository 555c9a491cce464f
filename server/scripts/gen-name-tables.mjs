#!/usr/bin/env node
// Generates the data tables of the name and spelling rules under
// server/src/engine/names/data/ as TypeScript modules, so they bundle with
// the engine and nothing is read from outside the package at run time.
//
// Run by hand, never at install, build or test time:
//
//   apt-get update && apt-get install -y scowl          # SCOWL 2020.12.07 word lists
//   # names.csv from https://github.com/carltonnorthern/nicknames
//   # (commit 2342cb17e1ae95892e12d8224f1727688f5f6c8f, Apache-2.0), saved locally
//   node server/scripts/gen-name-tables.mjs path/to/names.csv [/usr/share/dict/scowl]
//
// Sources and what is taken from each:
// - SCOWL (Kevin Atkinson, http://wordlist.aspell.net/, Debian package `scowl`):
//   British-only and American-only word lists (sizes 10–60) paired by the usual
//   VarCon spelling correspondences (our/or, ise/ize, yse/yze, tre/ter, ence/ense,
//   ogue/og, ll/l, ae/e, oe/e, ement/ment, ...); closed compounds checked
//   against the lists for the hyphenation table; common words (sizes 10–20);
//   proper names that have a near neighbour (sizes ≤ 50), for the typo gate.
// - carltonnorthern/nicknames names.csv: given names and their nicknames.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const [csvPath, scowlDir = '/usr/share/dict/scowl'] = process.argv.slice(2);
if (!csvPath || !existsSync(csvPath) || !existsSync(scowlDir)) {
  console.error('usage: node server/scripts/gen-name-tables.mjs path/to/names.csv [/usr/share/dict/scowl]');
  process.exit(2);
}
const OUT = join(dirname(fileURLToPath(import.meta.url)), '../src/engine/names/data');
const SCOWL = 'SCOWL 2020.12.07 (Debian package scowl, /usr/share/dict/scowl)';
const NICKNAMES = 'carltonnorthern/nicknames names.csv, commit 2342cb17e1ae95892e12d8224f1727688f5f6c8f (Apache-2.0)';

function readList(category, sizes) {
  const words = new Set();
  for (const size of sizes) {
    const file = join(scowlDir, `${category}.${size}`);
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n')) if (line) words.add(line.trim());
  }
  return words;
}

const SIZES = [10, 20, 35, 40, 50, 55, 60];
const british = readList('british-words', SIZES);
const american = readList('american-words', SIZES);
const english = readList('english-words', SIZES);
const variants = new Set([
  ...readList('variant_1-words', SIZES),
  ...readList('variant_2-words', SIZES),
  ...readList('british_variant_1-words', SIZES),
  ...readList('british_variant_2-words', SIZES),
]);

function header(what, source, generator = 'server/scripts/gen-name-tables.mjs') {
  return `// GENERATED FILE: do not edit by hand.\n// ${what}\n// Source: ${source}\n// Generator: ${generator} (run by hand; see its header).\n`;
}

function write(name, text) {
  writeFileSync(join(OUT, name), text);
  console.log(`${name}: ${Buffer.byteLength(text)} bytes`);
}

/** Encodes a list of strings as one string literal split on a separator, which bundles far smaller than an array. */
function literal(items, sep) {
  return JSON.stringify(items.join(sep));
}

// ---------------------------------------------------------------------------
// UK → US spelling pairs.
// A British form pairs with an American form when one or two of the classic
// correspondences turn it into a word that SCOWL lists as American-only. Forms
// valid in both varieties ("practice", "license", "program", "meter") are not
// American-only, so "practise"/"practice"-style pairs (a noun/verb split in
// British English) are never produced; a form SCOWL lists only as a variant
// ("focussed", "benefitted") pairs with the standard form of every variety.
const REWRITES = [
  ['our', 'or'], ['ise', 'ize'], ['isi', 'izi'], ['isa', 'iza'], ['yse', 'yze'], ['ysi', 'yzi'], ['ysa', 'yza'],
  ['tre', 'ter'], ['bre', 'ber'], ['cre', 'cer'], ['vre', 'ver'], ['gre', 'ger'], ['tres', 'ters'],
  ['ence', 'ense'], ['ogue', 'og'], ['ll', 'l'], ['l', 'll'], ['ae', 'e'], ['oe', 'e'], ['ement', 'ment'],
  ['eing', 'ing'], ['xion', 'ction'], ['mme', 'm'], ['que', 'k'], ['ou', 'o'], ['eable', 'able'], ['scep', 'skep'], ['ss', 's'], ['tt', 't'],
];

function rewrites(word) {
  const out = new Set();
  for (const [from, to] of REWRITES) {
    for (let i = word.indexOf(from); i >= 0; i = word.indexOf(from, i + 1)) {
      out.add(word.slice(0, i) + to + word.slice(i + from.length));
    }
  }
  return out;
}

const isPlain = (w) => /^[a-z]+$/.test(w);
const ukUs = new Map();
const candidates = [...new Set([...british, ...variants])].filter(isPlain).sort();
for (const uk of candidates) {
  if (american.has(uk) || english.has(uk)) continue;
  // A mere variant ("focussed") also pairs with the form every variety uses ("focused").
  const isTarget = (w) => american.has(w) || (!british.has(uk) && english.has(w));
  const once = rewrites(uk);
  const found = [...once].filter(isTarget);
  if (found.length === 0) {
    for (const w of once) for (const w2 of rewrites(w)) if (isTarget(w2)) found.push(w2);
  }
  const targets = [...new Set(found)].filter((us) => us !== uk && !british.has(us));
  // An ambiguous British form ("metres" → "meters"/"miters") is left out.
  if (targets.length === 1) ukUs.set(uk, targets[0]);
}
const ukUsPairs = [...ukUs].sort(([a], [b]) => (a < b ? -1 : 1)).map(([uk, us]) => `${uk} ${us}`);
write(
  'spelling-uk-us.ts',
  `${header(`British → American spelling pairs (${ukUsPairs.length}), one "british american" pair per entry.`, `${SCOWL}: british-words/variant words paired with american-words by spelling correspondences`)}` +
    `export const UK_US_PAIRS: string =\n  ${literal(ukUsPairs, '|')};\n`,
);

// ---------------------------------------------------------------------------
// Hyphenation: closed compounds relevant to policy prose, written closed,
// hyphenated or (where marked) as two words. An entry is kept when SCOWL lists
// the closed form and both halves; the few that SCOWL lacks but style guides
// and federal prose use closed are kept as curated additions.
// `+` after an entry: the spaced form ("cease fire") also counts as a variant.
const COMPOUNDS = `
cease|fire+ policy|maker+ policy|makers+ policy|making+ decision|maker+ decision|makers+ decision|making+
law|maker law|makers law|making peace|keeper+ peace|keepers+ peace|keeping+ peace|maker peace|makers peace|making+
health|care+ stake|holder+ stake|holders+ world|wide state|wide nation|wide region|wide country|wide
non|profit non|profits non|proliferation non|governmental non|partisan non|binding non|military non|combat
non|lethal non|state non|tariff non|resident non|residents non|citizen non|citizens non|compliance
counter|terrorism+ counter|insurgency counter|intelligence counter|measures counter|offensive counter|part counter|parts
cyber|security+ cyber|attack+ cyber|attacks+ cyber|space cyber|crime cyber|crimes cyber|threats+ cyber|threat+
co|operation co|operate co|operative co|ordinate co|ordinated co|ordinating co|ordination co|ordinator
co|sponsor co|sponsors co|sponsored co|chair co|chairs co|chaired co|author co|authored co|founder
re|election re|elected re|elect re|establish re|established re|examine re|evaluate re|evaluation re|enter re|entry
re|engage re|engagement re|emergence re|imposed re|imposition re|integration re|investment
pre|existing pre|emptive pre|empt pre|war post|war post|conflict post|pandemic
socio|economic geo|political geo|strategic geo|economic macro|economic micro|economic multi|lateral
multi|national multi|year inter|agency inter|governmental cross|border e|mail on|line off|shore on|shore
air|strike+ air|strikes+ air|space war|time peace|time gun|fire war|ship war|ships time|line+ time|lines+
hard|liner hard|liners front|line under|way+ touch|stone bench|mark bench|marks life|long short|fall
short|falls wide|spread long|standing far|reaching break|through break|throughs data|base data|bases
`.trim().split(/\s+/);
const allWords = new Set([...english, ...american, ...british]);
const hyphenation = [];
for (const entry of COMPOUNDS) {
  const spaced = entry.endsWith('+');
  const [left, right] = entry.replace('+', '').split('|');
  const closed = left + right;
  const attested = allWords.has(closed) && (allWords.has(left) || left.length <= 5) && allWords.has(right);
  hyphenation.push(`${left}|${right}${spaced ? '+' : ''}${attested ? '' : '*'}`);
}
write(
  'hyphenation.ts',
  `${header(
    `Closed compounds of policy prose and where they split (${hyphenation.length}); "+": the two-word form is a variant too; "*": not in SCOWL, a curated addition.`,
    `${SCOWL}, closed forms and their halves checked against english/american/british-words sizes 10–60`,
  )}` + `export const COMPOUNDS: string =\n  ${literal(hyphenation, ' ')};\n`,
);

// ---------------------------------------------------------------------------
// Common words: a capitalised common word ("Act", "Us", "Who") is not a name
// and its all-caps form may be emphasis, not an acronym.
const common = [...new Set([...readList('english-words', [10, 20]), ...readList('american-words', [10, 20])])]
  .filter((w) => /^[a-z]{2,7}$/.test(w))
  .sort();
write(
  'common-words.ts',
  `${header(`Common English words of 2–7 letters (${common.length}).`, `${SCOWL}: english-words and american-words, sizes 10 and 20`)}` +
    `export const COMMON_WORDS: string =\n  ${literal(common, ' ')};\n`,
);

// ---------------------------------------------------------------------------
// Known proper names with a near neighbour ("Johnson"/"Johnston",
// "Slovakia"/"Slovenia"): two real names are never proposed as a typo of each
// other. Only names within two edits of another are kept, to stay small.
function fold(s) {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
const properRaw = new Set([
  ...readList('english-upper', [10, 20, 35, 40, 50]),
  ...readList('english-proper-names', [10, 20, 35, 40, 50]),
  ...readList('american-upper', [10, 20, 35, 40, 50]),
  ...readList('american-proper-names', [10, 20, 35, 40, 50]),
  ...readList('british-upper', [10, 20, 35, 40, 50]),
]);
const proper = [...new Set([...properRaw].filter((w) => /^\p{Lu}[\p{L}]{3,}$/u.test(w)).map(fold))];
const byDeletion = new Map();
const deletions = (w) => {
  const out = new Set([w]);
  for (let i = 0; i < w.length; i++) {
    const d1 = w.slice(0, i) + w.slice(i + 1);
    out.add(d1);
    for (let j = 0; j < d1.length; j++) out.add(d1.slice(0, j) + d1.slice(j + 1));
  }
  return out;
};
for (const name of proper) {
  for (const d of deletions(name)) {
    const list = byDeletion.get(d) ?? [];
    list.push(name);
    byDeletion.set(d, list);
  }
}
const confusable = new Set();
for (const list of byDeletion.values()) {
  if (list.length < 2) continue;
  for (const name of list) confusable.add(name);
}
const known = [...confusable].sort();
write(
  'known-names.ts',
  `${header(`Proper names (folded to lower case, no diacritics) within two edits of another proper name (${known.length}).`, `${SCOWL}: english/american/british upper and proper-names lists, sizes ≤ 50`)}` +
    `export const CONFUSABLE_KNOWN_NAMES: string =\n  ${literal(known, ' ')};\n`,
);

// ---------------------------------------------------------------------------
// Nicknames. Each row of names.csv is a name and names related to it. A pair
// is kept when both rows name each other, when the related name has no row of
// its own (a pure nickname: "mike"), or when it is a short form (≤ 4 letters,
// shorter than the row's name: "ted" for "edward"). That drops the list's
// loose associations ("bill" → "robert", "ian" → "john"); a few more are
// dropped by hand below.
const DROP = new Set(['billy fred', 'willie fred', 'jamie ben', 'george jorge', 'georgia george', 'patrick peter', 'shelton tony', 'clifton tony', 'lisa alice', 'cindy cinderlla', 'obie obediah', 'josey josophine', 'wilma billiewilhelm', 'philomena menaalmena']);
const rows = new Map();
for (const line of readFileSync(csvPath, 'utf8').split(/\r?\n/)) {
  const names = line.split(',').map((s) => s.trim().toLowerCase()).filter((s) => /^[a-z]+$/.test(s));
  if (names.length < 2) continue;
  const [head, ...rest] = names;
  const set = rows.get(head) ?? new Set();
  for (const n of rest) if (n !== head) set.add(n);
  rows.set(head, set);
}
const pairs = new Set();
for (const [head, related] of rows) {
  for (const other of related) {
    const mutual = rows.get(other)?.has(head) ?? false;
    const pure = !rows.has(other);
    const short = other.length <= 4 && other.length < head.length;
    if (!(mutual || pure || short)) continue;
    if (DROP.has(`${head} ${other}`) || DROP.has(`${other} ${head}`)) continue;
    pairs.add(head < other ? `${head} ${other}` : `${other} ${head}`);
  }
}
const nicknamePairs = [...pairs].sort();
write(
  'nicknames.ts',
  `${header(`Given names and nicknames that name the same person (${nicknamePairs.length} pairs, "a b", symmetric).`, NICKNAMES)}` +
    `export const NICKNAME_PAIRS: string =\n  ${literal(nicknamePairs, '|')};\n`,
);
