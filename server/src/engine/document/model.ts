/**
 * The document model every rule reads: blocks with exact offsets, the prose
 * paragraphs among them, and their sentences. Built once per document text.
 */
import type { DocumentLanguage, OffsetRange } from '../types';

/** What a block is; only `paragraph` and `heading` blocks carry prose. */
export type BlockKind =
  | 'paragraph'
  | 'heading'
  | 'code'
  | 'html'
  | 'table'
  | 'frontmatter'
  | 'thematicBreak'
  | 'definition';

/** The nearest structure a block sits in; repeats are compared within one kind. */
export type Container = 'root' | 'listItem' | 'blockquote' | 'footnote';

/** Inline spans inside prose that are not the writer's words. */
export type InlineKind = 'code' | 'link' | 'url' | 'image' | 'html' | 'footnoteReference';

export interface InlineSpan {
  readonly kind: InlineKind;
  /** Document offsets of the whole construct, e.g. `[text](url)`. */
  readonly range: OffsetRange;
  /** For links and images: the destination. */
  readonly url?: string;
}

export interface Sentence {
  /** Document offsets, trimmed of surrounding whitespace. */
  readonly range: OffsetRange;
  /** The sentence's prose view (same length as the range). */
  readonly text: string;
  /** `range[0]`, without building the pair. */
  readonly start: number;
  /** `range[1]`, without building the pair. */
  readonly end: number;
}

/**
 * A sentence kept as offsets into its block's prose, with `range` and `text`
 * made when read. Why: a language server keeps every open document's model,
 * and a sentence as an object, an offset pair and a string of its own took
 * about three times the memory of these four fields; readers take the range
 * or the text once (claim analysis, summaries), not in a loop.
 */
export class ProseSentence implements Sentence {
  constructor(
    /** The prose of the block the sentence stands in. */
    private readonly prose: string,
    /** Where the sentence starts in `prose`. */
    private readonly offset: number,
    readonly start: number,
    readonly end: number,
  ) {}

  get range(): OffsetRange {
    return [this.start, this.end];
  }

  get text(): string {
    return this.prose.slice(this.offset, this.offset + this.end - this.start);
  }

  /** The same sentence `by` characters further on in the document. */
  shifted(by: number): ProseSentence {
    return new ProseSentence(this.prose, this.offset, this.start + by, this.end + by);
  }
}

/**
 * The key of {@link Block}'s content token: a symbol, set not enumerable,
 * as the token is cache bookkeeping, not part of what a block is (blocks
 * compare equal to a fresh parse's).
 */
export const CONTENT: unique symbol = Symbol('content');

export interface Block {
  readonly kind: BlockKind;
  readonly container: Container;
  /** Document offsets of the whole block. */
  readonly range: OffsetRange;
  /** On a copy moved by an edit before it: the content token of the block it copies (see content.ts). */
  readonly [CONTENT]?: object;
}

/** A block of prose: a paragraph or a heading. */
export interface ProseBlock extends Block {
  readonly kind: 'paragraph' | 'heading';
  /**
   * The block's text with markup masked, exactly as long as the range, so an
   * index into it plus `range[0]` is a document offset. Markup characters
   * (emphasis marks, link brackets and destinations) become spaces; atomic
   * non-prose spans (inline code, URLs, images, HTML, footnote references)
   * become U+FFFC so they still separate words.
   */
  readonly prose: string;
  readonly inlines: readonly InlineSpan[];
  readonly sentences: readonly Sentence[];
}

/**
 * What cross-document rules need to name a place in a document and write a
 * fix there: its identity, text and lines. A parsed document is one, and so
 * is its plain-data summary (see `summary.ts`), which crosses threads.
 */
export interface DocumentRef {
  readonly uri: string;
  readonly languageId: DocumentLanguage;
  readonly text: string;
  /** Offsets where each line starts; line breaks are LF, CRLF or CR. */
  readonly lineStarts: readonly number[];
}

export interface ParsedDocument extends DocumentRef {
  /** Every block in document order. */
  readonly blocks: readonly Block[];
  /** The prose blocks (paragraphs and headings) in document order. */
  readonly prose: readonly ProseBlock[];
}

/** The mask for atomic non-prose spans inside prose. */
export const OBJECT_MASK = '\uFFFC';

/** Whether `block` is a prose block. */
export function isProse(block: Block): block is ProseBlock {
  return block.kind === 'paragraph' || block.kind === 'heading';
}
