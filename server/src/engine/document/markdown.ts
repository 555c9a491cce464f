/**
 * Markdown documents through a real CommonMark + GFM parser (micromark via
 * mdast-util-from-markdown), with YAML/TOML front matter. The mdast tree gives
 * exact offsets; this module turns it into blocks and masked prose.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import type { Nodes, Parents, PhrasingContent } from 'mdast';
import type { OffsetRange } from '../types';
import { BoundedCache } from '../cache';
import { isProse, OBJECT_MASK, type Block, type BlockKind, type Container, type InlineSpan, type ProseBlock } from './model';
import { segmentMarkdown } from './segments';
import { splitSentences } from './sentences';

const MICROMARK_EXTENSIONS = [gfm(), frontmatter(['yaml', 'toml'])];
const MDAST_EXTENSIONS = [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml', 'toml'])];

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

/** Moves a block parsed from a segment to document offsets. */
function shiftBlock(block: Block, by: number): Block {
  const range: OffsetRange = [block.range[0] + by, block.range[1] + by];
  if (!isProse(block)) return { ...block, range };
  const shifted: ProseBlock = {
    ...block,
    range,
    inlines: block.inlines.map((span) => ({ ...span, range: [span.range[0] + by, span.range[1] + by] as const })),
    sentences: block.sentences.map((sentence) => ({ ...sentence, range: [sentence.range[0] + by, sentence.range[1] + by] as const })),
  };
  return shifted;
}

/** Parsed segments by their text (and the definitions they were parsed with), offsets relative to the segment. */
const segmentCache = new BoundedCache<string, readonly Block[]>(50_000);

/**
 * Parses Markdown `text` into blocks in document order. Each top-level
 * segment is parsed on its own (see segments.ts) and cached by its text, so
 * re-parsing an edited document only parses the segments that changed.
 */
export function parseMarkdownBlocks(text: string): Block[] {
  const { segments, definitions, frontMatter } = segmentMarkdown(text);
  // Definitions go before each segment so references resolve as in the whole document.
  const prefix = definitions.length > 0 ? `${definitions.join('\n\n')}\n\n` : '';
  const blocks: Block[] = [];
  segments.forEach(([start, end], index) => {
    const body = text.slice(start, end);
    // Front matter is recognised only at the very start of the parser's input.
    const lead = index === 0 && frontMatter ? '' : prefix;
    const parsed = segmentCache.get(`${lead}\u0000${body}`, () =>
      parseTree(lead + body)
        .filter((block) => block.range[0] >= lead.length)
        .map((block) => shiftBlock(block, -lead.length)),
    );
    for (const block of parsed) blocks.push(shiftBlock(block, start));
  });
  return blocks;
}

/** Parses Markdown with the real parser in one piece (the reference that segment-wise parsing must match). */
export function parseTree(text: string): Block[] {
  const tree = fromMarkdown(text, { extensions: MICROMARK_EXTENSIONS, mdastExtensions: MDAST_EXTENSIONS });
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
  const [start, end] = range;
  const chars: string[] = [];
  // Line breaks stay so sentence and line logic still see them.
  for (let i = start; i < end; i++) chars.push(text[i] === '\n' || text[i] === '\r' ? text[i]! : ' ');
  const inlines: InlineSpan[] = [];
  const fill = (r: OffsetRange, ch: string): void => {
    for (let i = r[0]; i < r[1]; i++) if (chars[i - start] !== '\n' && chars[i - start] !== '\r') chars[i - start] = ch;
  };
  const copy = (r: OffsetRange, value: string): void => {
    const source = text.slice(r[0], r[1]);
    const escaped = source.length > value.length;
    let lineStart = false;
    for (let i = 0; i < source.length; i++) {
      const ch = source[i]!;
      if (ch === '\n' || ch === '\r') {
        lineStart = true;
        continue;
      }
      // Container prefixes ("> " in quotes) and indentation on continuation lines are not prose.
      if (lineStart && (ch === ' ' || ch === '\t' || (inQuote && ch === '>'))) continue;
      lineStart = false;
      // A backslash escape ("\*") is markup; the escaped character is prose.
      if (escaped && ch === '\\' && /[!-/:-@[-`{-~]/.test(source[i + 1] ?? '')) continue;
      chars[r[0] - start + i] = ch;
    }
  };
  const visitInline = (child: PhrasingContent): void => {
    const r = rangeOf(child);
    if (!r) return;
    switch (child.type) {
      case 'text':
        copy(r, child.value);
        return;
      case 'inlineCode':
      case 'html':
      case 'image':
      case 'imageReference':
      case 'footnoteReference':
        fill(r, OBJECT_MASK);
        inlines.push({
          kind: child.type === 'inlineCode' ? 'code' : child.type === 'imageReference' ? 'image' : child.type,
          range: r,
          ...(child.type === 'image' ? { url: child.url } : {}),
        });
        return;
      case 'link':
        // Autolinks (`<https://…>`, bare `www.…`) are URLs, not words.
        if (text[r[0]] !== '[') {
          fill(r, OBJECT_MASK);
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
  const prose = chars.join('');
  return { kind, container, range, prose, inlines, sentences: splitSentences(prose, start) };
}
