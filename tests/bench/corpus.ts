/** Shared helpers for benchmarks and evaluations: reading ../shared/corpus and making seeded text. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { languageFromPath, type SourceDocument } from '../../server/src/engine/index';

/** The shared corpus folder (beside the project), or undefined when absent. */
export function corpusRoot(): string | undefined {
  const root = resolve(__dirname, '../../../shared/corpus');
  return existsSync(root) ? root : undefined;
}

/** Every Markdown and text document under `dir`, sorted by path. */
export function readDocuments(dir: string): SourceDocument[] {
  const out: SourceDocument[] = [];
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder).sort()) {
      const full = join(folder, name);
      if (statSync(full).isDirectory()) walk(full);
      else {
        const languageId = languageFromPath(name);
        if (languageId && !/^(SOURCE|README)\.md$/.test(name)) out.push({ uri: `file://${full}`, languageId, text: readFileSync(full, 'utf8') });
      }
    }
  };
  walk(dir);
  return out;
}

/** A small, fast, seedable PRNG (mulberry32), so generated inputs are the same every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Prose sentences from the corpus (plain sentences of 8–60 words), for recombining. */
export function corpusSentences(docs: readonly SourceDocument[]): string[] {
  const sentences = new Set<string>();
  for (const doc of docs) {
    for (const line of doc.text.split(/\n\s*\n/)) {
      if (/[|#<>\[\]*`]/.test(line)) continue;
      for (const sentence of line.replace(/\s+/g, ' ').split(/(?<=[.!?])\s+(?=[A-Z])/)) {
        const words = sentence.split(' ').length;
        if (words >= 8 && words <= 60 && /^[A-Z]/.test(sentence) && /[.!?]$/.test(sentence)) sentences.add(sentence);
      }
    }
  }
  return [...sentences];
}

/** Counts words the simple way, for per-1,000-word rates. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
