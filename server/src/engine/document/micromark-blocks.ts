/**
 * Blocks straight from micromark's event stream, without the mdast tree.
 *
 * Why: mdast-util-from-markdown builds a whole tree (with a context object
 * spread per event) only for the engine to walk it once more and keep
 * offsets; that was about a quarter of parsing. This walker reads the same
 * events and reproduces exactly what `treeBlocks` in markdown.ts makes of the
 * tree: it mirrors how mdast-util-from-markdown merges data, escapes and
 * line endings into text nodes (their extent and value decide the masked
 * prose). Where the tree would need more than that (a character reference,
 * a task-list check, text the GFM autolink transform could change, an event
 * it does not know), it gives up and the caller builds the tree: always
 * right, only slower. Tests compare the two on the corpus and on random input.
 */
import { parse, postprocess, preprocess } from 'micromark';
import type { OffsetRange } from '../types';
import type { Block, BlockKind, Container, InlineSpan } from './model';
import { ProseMask } from './prose-mask';

type ParseContext = ReturnType<typeof parse>;
type Extensions = NonNullable<NonNullable<Parameters<typeof parse>[0]>['extensions']>;
type Event = ReturnType<typeof postprocess>[number];
type Token = Event[1];

/** One reusable parser per extension list, and the fields a fresh one has (parsing adds and fills others). */
const parsers = new Map<Extensions, { parser: ParseContext; fields: ReadonlySet<string> }>();

/**
 * micromark's events for `text`, as `fromMarkdown` makes them. The parser
 * (with its combined construct table, which costs more to build than a
 * short input costs to parse) is kept per extension list and reset to a
 * fresh one's state before each use.
 */
export function micromarkEvents(text: string, extensions: Extensions): Event[] {
  let entry = parsers.get(extensions);
  if (!entry) {
    const parser = parse({ extensions });
    entry = { parser, fields: new Set(Object.keys(parser)) };
    parsers.set(extensions, entry);
  } else {
    const state = entry.parser as unknown as Record<string, unknown>;
    for (const key of Object.keys(state)) if (!entry.fields.has(key)) delete state[key];
    state.defined = [];
    state.lazy = {};
  }
  return postprocess(entry.parser.document().write(preprocess()(text, undefined, true)));
}

const LEAF_KINDS = new Map<string, BlockKind>([
  ['codeFenced', 'code'],
  ['codeIndented', 'code'],
  ['htmlFlow', 'html'],
  ['table', 'table'],
  ['yaml', 'frontmatter'],
  ['toml', 'frontmatter'],
  ['thematicBreak', 'thematicBreak'],
  ['definition', 'definition'],
]);

/** Container tokens by the container the blocks inside them sit in (every block in a list is in a list item). */
const CONTAINERS = new Map<string, Container>([
  ['listOrdered', 'listItem'],
  ['listUnordered', 'listItem'],
  ['blockQuote', 'blockquote'],
  ['gfmFootnoteDefinition', 'footnote'],
]);

const PROSE_KINDS = new Map<string, 'paragraph' | 'heading'>([
  ['paragraph', 'paragraph'],
  ['atxHeading', 'heading'],
  ['setextHeading', 'heading'],
]);

/** Tokens inside prose that make no mdast node and carry no text of their own. */
const INERT = new Set([
  'lineSuffix',
  'linePrefix',
  'whitespace',
  'listItemIndent',
  'blockQuotePrefix',
  'blockQuoteMarker',
  'blockQuotePrefixWhitespace',
  'atxHeadingText',
  'atxHeadingSequence',
  'setextHeadingText',
  'setextHeadingLine',
  'setextHeadingLineSequence',
  'emphasisSequence',
  'emphasisText',
  'strongSequence',
  'strongText',
  'strikethroughSequence',
  'strikethroughText',
  'escapeMarker',
  'characterEscapeValue',
  'labelMarker',
  'labelText',
  'resourceMarker',
  'resourceDestination',
  'resourceDestinationRaw',
  'resourceDestinationLiteral',
  'resourceDestinationLiteralMarker',
  'resourceTitle',
  'resourceTitleMarker',
  'reference',
  'referenceMarker',
]);

/** Atomic inline constructs, skipped whole, by the inline kind they make. */
const ATOMS = new Map<string, 'code' | 'html' | 'footnoteReference'>([
  ['codeText', 'code'],
  ['htmlText', 'html'],
  ['gfmFootnoteCall', 'footnoteReference'],
]);

/** Constructs whose content nests a text frame that may hold line endings (mdast's `canContainEols` plus `fragment` for a label). */
const NESTING = new Set(['emphasis', 'strong', 'strikethrough', 'label']);

/** What a text node in the mdast tree must hold for the GFM autolink transform to change it (as in markdown.ts). */
const AUTOLINK_TEXT = /@|www\.|https?:\/\//i;

/**
 * The blocks of `text` from its micromark `events`, in document order, as
 * `treeBlocks` makes them from the mdast tree; undefined when the walker
 * cannot be sure (see the module comment).
 */
export function eventBlocks(text: string, events: readonly Event[]): Block[] | undefined {
  const blocks: Block[] = [];
  const containers: Container[] = ['root'];
  let quotes = 0;
  for (let i = 0; i < events.length; i++) {
    const [kind, token] = events[i]!;
    const inner = CONTAINERS.get(token.type);
    if (kind === 'exit') {
      if (inner) {
        containers.pop();
        if (inner === 'blockquote') quotes--;
      }
      continue;
    }
    const container = containers[containers.length - 1]!;
    const prose = PROSE_KINDS.get(token.type);
    if (prose) {
      const end = exitOf(events, i);
      const block = proseBlock(text, events, i, end, prose, container, quotes > 0);
      if (!block) return undefined;
      blocks.push(block);
      i = end;
      continue;
    }
    const leaf = LEAF_KINDS.get(token.type);
    if (leaf) {
      blocks.push({ kind: leaf, container, range: rangeOf(token) });
      i = exitOf(events, i);
    } else if (inner) {
      containers.push(inner);
      if (inner === 'blockquote') quotes++;
    }
  }
  return blocks;
}

/** The index of the exit event of the token entered at `enter`. */
function exitOf(events: readonly Event[], enter: number): number {
  const token = events[enter]![1];
  let i = enter + 1;
  while (events[i]![1] !== token) i++;
  return i;
}

function rangeOf(token: Token): OffsetRange {
  return [token.start.offset, token.end.offset];
}

/** An mdast text node: where it starts and ends, how long its value is, and the value itself where the autolink transform reads it. */
interface TextNode {
  readonly start: number;
  end: number;
  length: number;
  value: string | undefined;
}

/** An mdast node that holds phrasing: whether it keeps line endings as text, whether it is (in) a link, and its last child if that is text. */
interface Frame {
  readonly eols: boolean;
  readonly inLink: boolean;
  tail: TextNode | undefined;
}

/** A link being read: where its inline goes, and its destination once its resource is seen. */
interface OpenLink {
  readonly index: number;
  readonly range: OffsetRange;
  resource: boolean;
  url: string;
}

/** The prose block of the paragraph or heading entered at `enter` and exited at `exit`; undefined when unsure. */
function proseBlock(
  text: string,
  events: readonly Event[],
  enter: number,
  exit: number,
  kind: 'paragraph' | 'heading',
  container: Container,
  inQuote: boolean,
): Block | undefined {
  const range = rangeOf(events[enter]![1]);
  const mask = new ProseMask(text, range[0], range[1], inQuote);
  const inlines: (InlineSpan | undefined)[] = [];
  const nodes: TextNode[] = [];
  const frames: Frame[] = [{ eols: true, inLink: false, tail: undefined }];
  const links: OpenLink[] = [];
  // As mdast-util-from-markdown's `atHardBreak` and `setextHeadingSlurpLineEnding`.
  let atHardBreak = false;
  let slurp = false;
  let current: TextNode | undefined;
  const enterText = (token: Token): void => {
    const frame = frames[frames.length - 1]!;
    if (!frame.tail) {
      frame.tail = { start: token.start.offset, end: token.start.offset, length: 0, value: frame.inLink ? undefined : '' };
      nodes.push(frame.tail);
    }
    current = frame.tail;
  };
  const exitText = (event: Event): void => {
    const value = event[2].sliceSerialize(event[1]);
    current!.length += value.length;
    if (current!.value !== undefined) current!.value += value;
    current!.end = event[1].end.offset;
  };
  for (let i = enter + 1; i < exit; i++) {
    const event = events[i]!;
    const token = event[1];
    // A string: the GFM extensions' token types are not in micromark's type map.
    const type: string = token.type;
    const frame = frames[frames.length - 1]!;
    if (event[0] === 'exit') {
      if (type === 'data' || type === 'characterEscapeValue') exitText(event);
      else if (type === 'lineEnding') {
        if (atHardBreak) atHardBreak = false;
        else if (!slurp && frame.eols) {
          enterText(token);
          exitText(event);
        }
      } else if (type === 'hardBreakEscape' || type === 'hardBreakTrailing') atHardBreak = true;
      else if (type === 'setextHeadingText') slurp = true;
      else if (NESTING.has(type)) frames.pop();
      else if (type === 'link') {
        frames.pop();
        const link = links.pop()!;
        // A link without a resource is a reference (`[text][ref]`, `[text]`): mdast drops its url.
        inlines[link.index] = link.resource ? { kind: 'link', range: link.range, url: link.url } : { kind: 'link', range: link.range };
      }
      continue;
    }
    if (type === 'data' || type === 'characterEscape') {
      enterText(token);
      continue;
    }
    if (type === 'lineEnding' || INERT.has(type)) continue;
    // Anything below adds a node that is not text: the next text starts a new node.
    frame.tail = undefined;
    if (NESTING.has(type)) {
      frames.push({ eols: true, inLink: frame.inLink, tail: undefined });
      continue;
    }
    if (type === 'hardBreakEscape' || type === 'hardBreakTrailing') continue;
    if (type === 'link') {
      links.push({ index: inlines.length, range: rangeOf(token), resource: false, url: '' });
      inlines.push(undefined);
      frames.push({ eols: false, inLink: true, tail: undefined });
      continue;
    }
    if (type === 'resource' || type === 'resourceDestinationString' || type === 'resourceTitleString' || type === 'referenceString') {
      const link = links[links.length - 1];
      if (!link) return undefined;
      if (type === 'resource') {
        link.resource = true;
        continue;
      }
      const end = exitOf(events, i);
      if (type === 'resourceDestinationString') {
        const url = plainString(events, i, end);
        if (url === undefined) return undefined;
        link.url = url;
      }
      i = end;
      continue;
    }
    const end = exitOf(events, i);
    const atom = ATOMS.get(type);
    let span: InlineSpan | undefined;
    if (atom) span = { kind: atom, range: rangeOf(token) };
    else if (type === 'image') {
      const target = imageTarget(events, i, end);
      if (!target) return undefined;
      span = target.resource ? { kind: 'image', range: rangeOf(token), url: target.url } : { kind: 'image', range: rangeOf(token) };
    } else if (type === 'autolink' || type === 'literalAutolink') {
      const url = autolinkUrl(events, i, end);
      if (url === undefined) return undefined;
      // Autolinks (`<https://…>`, bare `www.…`) are URLs, not words.
      span = { kind: 'url', range: rangeOf(token), url };
    } else return undefined;
    mask.maskObject(span.range);
    inlines.push(span);
    i = end;
  }
  // A hard break left pending would reach into the next block in mdast (never seen in valid input).
  if (atHardBreak) return undefined;
  for (const node of nodes) {
    // The autolink transform may replace this text with unplaced nodes: leave it to the tree.
    if (node.value !== undefined && AUTOLINK_TEXT.test(node.value)) return undefined;
    mask.copyText([node.start, node.end], node.end - node.start > node.length);
  }
  return mask.block(kind, container, range, inlines as InlineSpan[]);
}

/** The value of a string (a link destination) of plain data, undefined when it holds escapes or references (mdast decodes those). */
function plainString(events: readonly Event[], enter: number, exit: number): string | undefined {
  for (let i = enter + 1; i < exit; i++) if (events[i]![1].type !== 'data') return undefined;
  return events[enter]![2].sliceSerialize(events[enter]![1]);
}

/** An image's own destination (not one of an image or link in its label), and whether it has a resource at all. */
function imageTarget(events: readonly Event[], enter: number, exit: number): { resource: boolean; url: string } | undefined {
  let depth = 0;
  let resource = false;
  let url = '';
  for (let i = enter + 1; i < exit; i++) {
    const [kind, token] = events[i]!;
    if (token.type === 'image' || token.type === 'link') depth += kind === 'enter' ? 1 : -1;
    else if (depth === 0 && kind === 'enter' && token.type === 'resource') resource = true;
    else if (depth === 0 && kind === 'enter' && token.type === 'resourceDestinationString') {
      const value = plainString(events, i, exitOf(events, i));
      if (value === undefined) return undefined;
      url = value;
    }
  }
  return { resource, url };
}

/** The url mdast gives an autolink, from its value token. */
function autolinkUrl(events: readonly Event[], enter: number, exit: number): string | undefined {
  for (let i = enter + 1; i < exit; i++) {
    const [, token, context] = events[i]!;
    switch (token.type as string) {
      case 'autolinkProtocol':
      case 'literalAutolinkHttp':
        return context.sliceSerialize(token);
      case 'literalAutolinkWww':
        return `http://${context.sliceSerialize(token)}`;
      case 'autolinkEmail':
      case 'literalAutolinkEmail':
        return `mailto:${context.sliceSerialize(token)}`;
    }
  }
  return undefined;
}
