/**
 * Markdown documents through a real CommonMark + GFM parser (micromark), with
 * YAML/TOML front matter. micromark's events give exact offsets; this module
 * turns them into blocks and masked prose (micromark-blocks.ts), with the
 * mdast tree of mdast-util-from-markdown as the reference and the fallback.
 */
import { fromMarkdown, type Options } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import type { Nodes, Parents, PhrasingContent, Root } from 'mdast';
import type { OffsetRange } from '../types';
import { BoundedCache } from '../cache';
import { fnv1a } from '../hash';
import { isProse, type Block, type BlockKind, type Container, type InlineSpan, type ProseBlock } from './model';
import { placeRun, shiftBlock } from './content';
import { BLOCK_START, DELIMITER_ROW, fastBlocks, fastItem, fastParagraph, isFast, listItemStarts } from './fast-paragraph';
import { flatten } from './flatten';
import { eventBlocks, micromarkEvents } from './micromark-blocks';
import { ProseMask } from './prose-mask';
import { closestParse, rememberParse, type ParsedRun, type PlacedRun } from './previous-parses';
import { resegmentMarkdown, segmentMarkdown } from './segments';
import { splitSentences } from './sentences';

type MicromarkExtension = NonNullable<Options['extensions']>[number];
type MdastExtensions = NonNullable<Options['mdastExtensions']>;

const GFM = gfm();
const FRONT_MATTER = frontmatter(['yaml', 'toml']);
const MICROMARK_EXTENSIONS = [GFM, FRONT_MATTER];
const MDAST_GFM = gfmFromMarkdown();
const MDAST_EXTENSIONS: MdastExtensions = [MDAST_GFM, frontmatterFromMarkdown(['yaml', 'toml'])];
/** The same without the autolink-literal transform (the only transform of the GFM mdast extensions). */
const MDAST_WITHOUT_TRANSFORMS: MdastExtensions = [MDAST_GFM.map(({ transforms: _, ...rest }) => rest), frontmatterFromMarkdown(['yaml', 'toml'])];

/**
 * GFM constructs that are costly to try and can only match where the input
 * holds a certain string, with that string. An email literal consumes an
 * `@`, a www literal `www.`, a protocol literal `http:` or `https:` (all
 * case-insensitive; micromark matches them on the raw characters, where a
 * character reference cannot stand in for them). A table needs a delimiter
 * row, which holds a `|` or a colon against a dash (`:-`, `-:`): without one
 * it is a setext underline or a thematic break. Each is tried at every word
 * (autolinks) or line (tables) it could start.
 */
const OPTIONAL_CONSTRUCTS: readonly (readonly [name: string, needed: RegExp])[] = [
  ['emailAutolink', /@/],
  ['wwwAutolink', /www\./i],
  ['protocolAutolink', /https?:/i],
  ['table', /\||:-|-:/],
];
const ALL_OPTIONAL = (1 << OPTIONAL_CONSTRUCTS.length) - 1;

/** `constructs` (a micromark construct record) without the constructs named in `drop`. */
function withoutConstructs(constructs: Record<string, unknown> | undefined, drop: ReadonlySet<string>): Record<string, unknown[]> {
  const kept: Record<string, unknown[]> = {};
  for (const [code, list] of Object.entries(constructs ?? {})) {
    const left = (Array.isArray(list) ? list : [list]).filter((construct: { name?: string } | undefined) => !drop.has(construct?.name ?? ''));
    if (left.length > 0) kept[code] = left;
  }
  return kept;
}

/** GFM with only the optional constructs in `keep` (a bit per {@link OPTIONAL_CONSTRUCTS} entry). */
function gfmWith(keep: number): MicromarkExtension {
  const drop = new Set(OPTIONAL_CONSTRUCTS.filter((_, bit) => (keep & (1 << bit)) === 0).map(([name]) => name));
  return { ...GFM, text: withoutConstructs(GFM.text, drop), flow: withoutConstructs(GFM.flow, drop) } as MicromarkExtension;
}

const extensionVariants = new Map<number, MicromarkExtension[]>();

/**
 * The micromark extensions for `text`: full GFM and front matter, except for
 * the optional constructs that cannot match in it. Why: the email construct
 * is tried at the start of every word (with an event-list walk each time),
 * which about doubled micromark's time on policy prose, and the table
 * construct at every line; most runs hold no `@` and no table. A construct
 * that cannot match leaves the same tree (a failed attempt is undone), so the
 * result equals {@link parseTree}'s (tests compare them).
 */
function leanExtensions(text: string): MicromarkExtension[] {
  let keep = 0;
  OPTIONAL_CONSTRUCTS.forEach(([, needed], bit) => {
    if (needed.test(text)) keep |= 1 << bit;
  });
  let extensions = extensionVariants.get(keep);
  if (!extensions) {
    extensions = [keep === ALL_OPTIONAL ? GFM : gfmWith(keep), FRONT_MATTER];
    extensionVariants.set(keep, extensions);
  }
  return extensions;
}

/** The autolink-literal transform of the GFM mdast extensions: it links URLs and emails found in text nodes. */
const AUTOLINK_TRANSFORMS = MDAST_GFM.flatMap((extension) => extension.transforms ?? []);
/** What a text node must hold for that transform to link anything in it (its patterns start with these). */
const AUTOLINK_TEXT = /@|www\.|https?:\/\//i;

/** Whether a text node of `tree` matches `pattern`. */
function someText(tree: Root, pattern: RegExp): boolean {
  const stack: Nodes[] = [tree];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === 'text' && pattern.test(node.value)) return true;
    if ('children' in node) for (const child of node.children) stack.push(child as Nodes);
  }
  return false;
}

// Keyed by string: 'toml' comes from the front-matter extension, not mdast's own types.
const LEAF_KINDS: Readonly<Record<string, BlockKind>> = {
  code: 'code',
  html: 'html',
  table: 'table',
  yaml: 'frontmatter',
  toml: 'frontmatter',
  thematicBreak: 'thematicBreak',
  definition: 'definition',
};

const CONTAINERS: Partial<Record<Nodes['type'], Container>> = {
  listItem: 'listItem',
  blockquote: 'blockquote',
  footnoteDefinition: 'footnote',
};

function rangeOf(node: Nodes): OffsetRange | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : [start, end];
}

/** Parsed runs of segments by their text (and the definitions they were parsed with). */
const segmentCache = new BoundedCache<string, ParsedRun>(50_000);

/**
 * Segments are parsed in runs of about this many characters. Each parser
 * call costs a fixed ~0.2 ms (micromark combines its extensions and
 * mdast-util-from-markdown builds its handler table every time), more than
 * parsing a typical segment, so short segments are parsed together.
 */
const RUN_LENGTH = 4096;
/** A run also ends after a segment whose hash is 0 modulo this, so run boundaries follow the content: an edit re-parses its own run only, never shifts the rest. */
const RUN_BREAK = 8;

/**
 * The parsed entry of `run` (parsed after `lead`), for the run starting at
 * `start`; `tryFast` when the run is one segment not yet asked whether it
 * takes the plain-paragraph path.
 */
function parseRun(run: string, lead: string, start: number, tryFast: boolean): ParsedRun {
  // A flat key: as a rope it would keep `run`, a slice of the whole document's text, alive as long as the entry.
  return segmentCache.get(flatten(`${lead}\u0000${run}`), (key) => {
    // The prose is cut from the key, which the entry keeps anyway, not from `run`: a cached block holding
    // that would keep the document's text alive after the document changed.
    const fast = tryFast ? fastBlocks(key.slice(lead.length + 1), start, hasDefinitions(lead)) : undefined;
    return {
      blocks: fast
        ? fast
        : parseLean(lead + run)
            .filter((block) => block.range[0] >= lead.length)
            .map((block) => shiftBlock(block, start - lead.length)),
      start,
    };
  });
}

/** Whether a run's lead holds definitions (it is otherwise empty or a line break). */
function hasDefinitions(lead: string): boolean {
  return lead.trim() !== '';
}

/**
 * Parses Markdown `text` into blocks in document order. The document is cut
 * into top-level segments (see segments.ts) that parse the same alone as in
 * the whole; plain paragraphs and lists skip the parser (see fast-paragraph.ts),
 * and the other segments are parsed in short runs. Results are cached by the
 * run's text, so re-parsing an edited document only parses the run it touched;
 * and a text that is an edit of one parsed just before is segmented around
 * the edit only, its unchanged runs placed without being looked up (see
 * previous-parses.ts).
 */
export function parseMarkdownBlocks(text: string): Block[] {
  flatten(text);
  const base = closestParse(text);
  const again = base && resegmentMarkdown(text, base.parse, base.head, base.tail);
  const segmentation = again ? again.segmentation : segmentMarkdown(text);
  const { segments, definitions, frontMatter } = segmentation;
  // Definitions go before each run so references resolve as in the whole document, then a
  // thematic break that closes a footnote definition (a run may open with an indented line,
  // which would continue it); at least a line break, so a run opening with `---` is never
  // read as front matter.
  const prefix = definitions.length > 0 ? `${definitions.join('\n\n')}\n\n***\n\n` : '\n';
  // Runs of the previous parse read with the same lead are placed again where their segments are unchanged.
  const reusable = again && base.parse.prefix === prefix && base.parse.segmentation.frontMatter === frontMatter ? { ...again, runs: base.parse.runs } : undefined;
  const blocks: Block[] = [];
  const runs: (PlacedRun | undefined)[] = [];
  const place = (from: number, to: number, entry: ParsedRun): void => {
    runs[from] = { to, entry };
    for (const block of placeRun(entry, segments[from]![0])) blocks.push(block);
  };
  let runFrom = -1;
  const flush = (to: number): void => {
    if (runFrom >= 0) place(runFrom, to, parseRun(text.slice(segments[runFrom]![0], segments[to - 1]![1]), prefix, segments[runFrom]![0], false));
    runFrom = -1;
  };
  for (let index = 0; index < segments.length; index++) {
    const [start, end] = segments[index]!;
    if (reusable) {
      // The same run before the edit (entirely), or after it (moved by the edit's change in length).
      const { kept, newTail, oldTail } = reusable;
      const before = index < kept ? reusable.runs[index] : undefined;
      const after = index >= newTail ? reusable.runs[index - newTail + oldTail] : undefined;
      const to = before && before.to <= kept ? before.to : after ? after.to - oldTail + newTail : -1;
      if (to >= 0) {
        flush(index);
        place(index, to, (before ?? after)!.entry);
        index = to - 1;
        continue;
      }
    }
    // Front matter (and an unclosed `---` that micromark may take for it) is
    // recognised only at the very start of the parser's input: the first
    // segment is parsed alone, as a whole-document parse would see it.
    const first = index === 0;
    const lead = first ? (frontMatter ? '' : definitions.length > 0 ? prefix : '') : prefix;
    const body = text.slice(start, end);
    // A huge single paragraph (the first segment too: a whole document can be one) is parsed in pieces.
    // Whether the segment takes the plain-paragraph path, asked once: it scans the whole segment. Not asked when the
    // edit is inside a segment that was parsed in pieces: a keystroke seldom makes it plain, the pieces path is right
    // either way, and asking cost 0.9 ms of a 58 KB paragraph's 14 ms edit.
    let fast: boolean | undefined;
    const editedPieces = reusable !== undefined && index < reusable.oldTail && reusable.runs[index]?.entry.pieces === true && reusable.runs[index]!.entry.start === start;
    if (body.length > HUGE_PARAGRAPH && !(first && frontMatter) && (editedPieces || !(fast = isFast(body, definitions.length > 0)))) {
      // Parsed from the key, as in parseRun: blocks cut from `body`, a slice of the document's text, would keep that
      // whole text alive as long as the entry, one copy of the document per edit of a long list.
      const pieces = segmentCache.get(flatten(`${lead}\u0000huge\u0000${body}`), (key) => ({
        blocks: (parseHugeParagraph(lead, key.slice(key.length - body.length)) ?? []).map((block) => shiftBlock(block, start)),
        start,
        pieces: true,
      }));
      if (pieces.blocks.length > 0) {
        flush(index);
        place(index, index + 1, pieces);
        continue;
      }
    }
    if (first) {
      place(index, index + 1, parseRun(body, lead, start, true));
      continue;
    }
    // A segment parsed alone before (a fast one, or a run of its own) is placed from the cache. Segments parse the
    // same alone as in any run, so this changes no result; and deciding whether a segment is fast costs several
    // scans of its text.
    const key = flatten(`${prefix}\u0000${body}`);
    const alone = segmentCache.peek(key);
    // Otherwise a plain paragraph is built once, from the key (see parseRun), and cached alone.
    const built = alone || fast === false ? undefined : fastBlocks(key.slice(prefix.length + 1), start, definitions.length > 0);
    if (alone || built) {
      flush(index);
      place(index, index + 1, alone ?? segmentCache.get(key, () => ({ blocks: built!, start })));
      continue;
    }
    if (runFrom < 0) runFrom = index;
    if (end - segments[runFrom]![0] >= RUN_LENGTH || fnv1a(body) % RUN_BREAK === 0) flush(index + 1);
  }
  flush(segments.length);
  rememberParse(base?.parse, { text, segmentation, prefix, runs });
  return blocks;
}

/** Paragraphs longer than this are parsed in pieces (see {@link parseHugeParagraph}); most real ones are shorter, but CRS footnote lists are one 10-40 KB paragraph each. */
export const HUGE_PARAGRAPH = 6 * 1024;
/** The shortest piece of a huge paragraph; pieces end where the content says (see {@link pieceCuts}), at most three times this long. */
const PIECE = 2 * 1024;

/**
 * Parses a huge segment that is certainly one paragraph (no line opens or
 * interrupts a block), alone or as the only content of one list item (see
 * {@link listItemStarts}; a list of several is parsed item by item), in
 * pieces cut at sentence ends, then joins the pieces into one paragraph
 * (see {@link parseInPieces}). Why: micromark merges adjacent text events
 * with an `Array#splice` per run (`resolveAllText`), which is quadratic in
 * the runs of one paragraph (a 2 MB paragraph of "3% [1]." citations took
 * minutes), and an edit in a 40 KB footnote list would re-parse all of it:
 * each piece is cached by its text, and the cuts follow the content, so an
 * edit re-parses the piece it touched. Pieces are cut only where no
 * bracket, parenthesis, angle bracket or code span is open, and a cut is
 * taken back when the piece before it keeps a literal `*`, `_` or `~` that
 * a later one might match across the cut (one the piece could not match);
 * so inline constructs parse as in the whole. Undefined when the segment
 * does not qualify or a piece parses as anything but one paragraph (the
 * caller then parses it whole, which is always right, only slower).
 * Offsets are relative to `body`; `lead` is parsed before each piece and
 * dropped.
 */
export function parseHugeParagraph(lead: string, body: string, piece = PIECE, huge = HUGE_PARAGRAPH): ProseBlock[] | undefined {
  if (body.length <= huge) return undefined;
  const items = listItemStarts(body);
  if (items && items.length > 1) return parseItems(lead, body, items, piece, huge);
  if (!items) {
    if (BLOCK_START.test(body)) return undefined;
    // A line of pipes is a table row only under a delimiter row: CRS footnote lists open with "| 1. |".
    if (!/^[\p{L}\p{N}]/u.test(body) && !(body.startsWith('|') && !DELIMITER_ROW.test(body))) return undefined;
  }
  return parseInPieces(lead, body, piece);
}

/** The pieces of a segment {@link parseHugeParagraph} took, parsed and joined into its one paragraph; undefined when it cannot be cut or a piece is not one paragraph. */
function parseInPieces(lead: string, body: string, piece: number): ProseBlock[] | undefined {
  const cuts = pieceCuts(body, piece, piece * 3);
  if (cuts.length === 0) return undefined;
  const parts: ProseBlock[] = [];
  // A loose delimiter can pair only with a later one of the same character that can close.
  const lastOf = { '*': lastCloser(body, '*'), _: lastCloser(body, '_'), '~': lastCloser(body, '~') };
  let from = 0;
  // A piece with a loose delimiter that may pair later grows to a later cut, twice as many cuts further each time: trying
  // every next cut would parse the rest of the paragraph once per cut (quadratic).
  for (let c = 0, step = 1; from < body.length; ) {
    const to = c < cuts.length ? cuts[c]! : body.length;
    const only = parsePiece(lead, body.slice(from, to));
    if (!only) return undefined;
    if (to < body.length && looseDelimiters(only.prose).some((char) => lastOf[char] >= to)) {
      c += step;
      step *= 2;
      continue;
    }
    parts.push(shiftBlock(only, from) as ProseBlock);
    from = to;
    c++;
    step = 1;
  }
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  const start = first.range[0];
  // Between pieces lie only the spaces the parser trimmed from a piece's end: they stay as they are.
  let prose = '';
  for (const part of parts) prose += body.slice(start + prose.length, part.range[0]) + part.prose;
  return [
    {
      kind: 'paragraph',
      // Only the first piece holds a list item's marker: the item's paragraph is in the item.
      container: first.container,
      range: [start, last.range[1]],
      prose,
      inlines: parts.flatMap((part) => part.inlines),
      sentences: splitSentences(prose, start),
    },
  ];
}

/** The paragraphs of the list items of `body` starting at `starts` (see {@link listItemStarts}), each parsed alone. */
function parseItems(lead: string, body: string, starts: readonly number[], piece: number, huge: number): ProseBlock[] | undefined {
  const blocks: ProseBlock[] = [];
  for (let k = 0; k < starts.length; k++) {
    const from = starts[k]!;
    // Up to the line break before the next item, which no item's paragraph holds.
    const text = body.slice(from, k + 1 < starts.length ? starts[k + 1]! - 1 : body.length);
    // Without the parser when the fast path reads it; else a long item in pieces where it can be cut; else whole, as it
    // would be in the list.
    const parsed = fastItem(text, 0, hasDefinitions(lead)) ?? (text.length > huge ? parseInPieces(lead, text, piece)?.[0] : undefined) ?? parsePiece(lead, text);
    if (!parsed) return undefined;
    blocks.push(shiftBlock(parsed, from) as ProseBlock);
  }
  return blocks;
}

/**
 * Where the last `char` of `body` stands that may close emphasis or
 * strikethrough (-1 if none). A delimiter run right after white space (or
 * at the start) is never right-flanking, so it cannot close: CRS footnotes
 * cite page stars ("2019 WL 1234, at *9") all through a 40 KB list, and
 * counting those as closers joined most of the list into one piece, parsed
 * again on every edit. Anything else counts, escaped or in code too: a
 * closer too many only makes a piece longer.
 */
function lastCloser(body: string, char: '*' | '_' | '~'): number {
  for (let at = body.lastIndexOf(char); at >= 0; at = at > 0 ? body.lastIndexOf(char, at - 1) : -1) {
    const before = at > 0 ? body.charCodeAt(at - 1) : 32;
    if (before !== 32 && before !== 9 && before !== 10 && before !== 13 && before !== 12) return at;
  }
  return -1;
}

/**
 * The emphasis and strikethrough delimiters `prose` (a parsed piece, markup
 * masked) keeps as text: ones the piece could not match, which the rest of
 * the paragraph might. An underscore inside a word ("snake_case") can
 * neither open nor close emphasis, so it does not count.
 */
function looseDelimiters(prose: string): ('*' | '_' | '~')[] {
  const loose = new Set<'*' | '_' | '~'>();
  for (let i = 0; i < prose.length; i++) {
    const c = prose.charCodeAt(i);
    if (c === 42 /* * */) loose.add('*');
    else if (c === 126 /* ~ */) loose.add('~');
    else if (c === 95 /* _ */ && !(isWordChar(prose.charCodeAt(i - 1)) && isWordChar(prose.charCodeAt(i + 1)))) loose.add('_');
  }
  return [...loose];
}

/** ASCII letters and digits (CommonMark's flanking rules treat an underscore between them as text). */
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * Characters of piece texts the piece cache keeps, every key counted: room
 * for the pieces of the long paragraphs being edited (a 40 KB list is about
 * 40,000), while each edit adds a new piece that only an undo would use.
 * Counted by entries alone, 5,000 pieces of 4 KB each and their blocks
 * piled up to about 70 MB over 2,000 edits of one footnote list.
 */
const PIECE_CHARS = 1_000_000;

/** Pieces of huge paragraphs parsed alone, by their text (offsets relative to the piece). */
const pieceCache = new BoundedCache<string, ProseBlock | null>(5_000, PIECE_CHARS, 0);

/** The one paragraph `text` parses to after `lead`, or undefined when it is not exactly one paragraph. */
function parsePiece(lead: string, text: string): ProseBlock | undefined {
  const parsed = pieceCache.get(flatten(`${lead}\u0000${text}`), (key) => {
    // Parsed from the key, as in parseRun: `text` is a slice of the document's text, and a cached block cut from it
    // would keep that whole text alive (a 2 MB draft edited 200 times kept about 200 MB of old texts this way).
    const own = key.slice(lead.length + 1);
    // Most pieces of CRS footnote lists are plain words, simple links and URLs.
    const fast = fastParagraph(own, 0, hasDefinitions(lead));
    if (fast) return fast;
    const blocks = parseLean(lead + own).filter((block) => block.range[0] >= lead.length);
    const only = blocks[0];
    return blocks.length === 1 && only !== undefined && only.kind === 'paragraph' && isProse(only) ? (shiftBlock(only, -lead.length) as ProseBlock) : null;
  });
  return parsed ?? undefined;
}

/**
 * Where to cut a huge paragraph: at a space after a sentence end (". ",
 * "? ", "! ") and before a letter, only where no `[`, `(` or `<` is open
 * and an even number of backticks came before (no link, reference, URL,
 * HTML tag or code span spans the cut). Of those places, a cut is taken at
 * least `min` characters after the last one where the 16 characters before
 * it hash to 0 modulo 4, or at the first place past `max`: cuts depend on
 * the nearby text, not on offsets, so an edit moves at most the cuts next
 * to it.
 */
function pieceCuts(body: string, min: number, max: number): number[] {
  const cuts: number[] = [];
  let last = 0;
  let brackets = 0;
  let parens = 0;
  let angles = 0;
  let ticks = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 91 /* [ */) brackets++;
    else if (c === 93 /* ] */ && brackets > 0) brackets--;
    else if (c === 40 /* ( */) parens++;
    else if (c === 41 /* ) */ && parens > 0) parens--;
    else if (c === 60 /* < */) angles++;
    else if (c === 62 /* > */ && angles > 0) angles--;
    else if (c === 96 /* ` */) ticks++;
    else if (c === 92 /* backslash escapes the next character */) i++;
    else if (
      c === 32 &&
      i - last >= min &&
      brackets === 0 &&
      parens === 0 &&
      angles === 0 &&
      ticks % 2 === 0 &&
      /[.?!]/.test(body[i - 1] ?? '') &&
      /\p{L}/u.test(body[i + 1] ?? '') &&
      (i - last >= max || fnv1a(body.slice(i - 16, i)) % 4 === 0)
    ) {
      cuts.push(i + 1);
      last = i + 1;
    }
  }
  return cuts;
}

/** Parses Markdown with the real parser in one piece (the reference that segment-wise parsing must match). */
export function parseTree(text: string): Block[] {
  return treeBlocks(text, fromMarkdown(text, { extensions: MICROMARK_EXTENSIONS, mdastExtensions: MDAST_EXTENSIONS }));
}

/**
 * Parses like {@link parseTree}, with only the autolink constructs that can
 * match (see {@link leanExtensions}), from micromark's events where the
 * event walker is sure (see micromark-blocks.ts); else through the mdast
 * tree, with the autolink transform only when a text node holds what it
 * looks for: most runs hold a URL only in link destinations, which are not
 * text nodes, and the transform walks the whole tree with two expressions
 * per text node. It runs on the decoded text, where a character reference
 * (`&#64;`) may be an `@`.
 */
function parseLean(text: string): Block[] {
  const extensions = leanExtensions(text);
  const blocks = eventBlocks(text, micromarkEvents(text, extensions));
  if (blocks) return blocks;
  let tree = fromMarkdown(text, { extensions, mdastExtensions: MDAST_WITHOUT_TRANSFORMS });
  // As mdast-util-from-markdown runs transforms: in order, each may return a new tree.
  if (someText(tree, AUTOLINK_TEXT)) for (const transform of AUTOLINK_TRANSFORMS) tree = transform(tree) || tree;
  return treeBlocks(text, tree);
}

/** The blocks of a parsed tree of `text`, in document order. */
function treeBlocks(text: string, tree: Root): Block[] {
  const blocks: Block[] = [];
  const visit = (node: Nodes, container: Container, inQuote: boolean): void => {
    const range = rangeOf(node);
    if (node.type === 'paragraph' || node.type === 'heading') {
      if (range) blocks.push(proseBlock(text, node, node.type, container, range, inQuote));
      return;
    }
    const leaf = LEAF_KINDS[node.type];
    if (leaf) {
      if (range) blocks.push({ kind: leaf, container, range });
      return;
    }
    if ('children' in node) {
      const inner = CONTAINERS[node.type] ?? container;
      const quoted = inQuote || node.type === 'blockquote';
      for (const child of (node as Parents).children) visit(child as Nodes, inner, quoted);
    }
  };
  visit(tree, 'root', false);
  return blocks;
}

function proseBlock(
  text: string,
  node: Parents,
  kind: 'paragraph' | 'heading',
  container: Container,
  range: OffsetRange,
  inQuote: boolean,
): ProseBlock {
  const mask = new ProseMask(text, range[0], range[1], inQuote);
  const inlines: InlineSpan[] = [];
  const visitInline = (child: PhrasingContent): void => {
    const r = rangeOf(child);
    if (!r) return;
    switch (child.type) {
      case 'text':
        mask.copyText(r, r[1] - r[0] > child.value.length);
        return;
      case 'inlineCode':
      case 'html':
      case 'image':
      case 'imageReference':
      case 'footnoteReference':
        mask.maskObject(r);
        inlines.push({
          kind: child.type === 'inlineCode' ? 'code' : child.type === 'imageReference' ? 'image' : child.type,
          range: r,
          ...(child.type === 'image' ? { url: child.url } : {}),
        });
        return;
      case 'link':
        // Autolinks (`<https://…>`, bare `www.…`) are URLs, not words.
        if (text[r[0]] !== '[') {
          mask.maskObject(r);
          inlines.push({ kind: 'url', range: r, url: child.url });
          return;
        }
        inlines.push({ kind: 'link', range: r, url: child.url });
        child.children.forEach(visitInline);
        return;
      case 'linkReference':
        // A resolved `[text][ref]`: a link like any other, its target defined elsewhere.
        inlines.push({ kind: 'link', range: r });
        child.children.forEach(visitInline);
        return;
      case 'break':
        return;
      default:
        if ('children' in child) (child.children as PhrasingContent[]).forEach(visitInline);
    }
  };
  (node.children as PhrasingContent[]).forEach(visitInline);
  return mask.block(kind, container, range, inlines);
}
