import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createIgnorePredicate } from '../../server/src/project/ignore';

const BASE = path.resolve('/project');
const at = (relative: string): string => path.join(BASE, ...relative.split('/'));

/** The files of `files` that `patterns` ignore. */
function ignored(patterns: string[], files: string[]): string[] {
  const isIgnored = createIgnorePredicate(patterns, BASE);
  return files.filter((file) => isIgnored(at(file)));
}

describe('createIgnorePredicate', () => {
  it('ignores nothing without patterns', () => {
    expect(ignored([], ['a.md', 'x/b.md'])).toEqual([]);
  });

  it('matches a pattern without a slash at any depth', () => {
    expect(ignored(['*.tmp.md'], ['a.tmp.md', 'x/y/b.tmp.md', 'a.md', 'tmp.md'])).toEqual(['a.tmp.md', 'x/y/b.tmp.md']);
  });

  it('anchors a pattern with a leading or inner slash to the config folder', () => {
    const files = ['notes.md', 'sub/notes.md', 'drafts/old/a.md', 'x/drafts/old/a.md'];
    expect(ignored(['/notes.md'], files)).toEqual(['notes.md']);
    expect(ignored(['./notes.md'], files)).toEqual(['notes.md']);
    expect(ignored(['drafts/old/*.md'], files)).toEqual(['drafts/old/a.md']);
  });

  it('ignores everything under a matching folder, however the folder is written', () => {
    const files = ['archive/a.md', 'archive/2024/b.md', 'docs/archive/c.md', 'archived.md', 'a.md'];
    expect(ignored(['archive'], files)).toEqual(['archive/a.md', 'archive/2024/b.md', 'docs/archive/c.md']);
    expect(ignored(['archive/'], files)).toEqual(['archive/a.md', 'archive/2024/b.md', 'docs/archive/c.md']);
    expect(ignored(['/archive/**'], files)).toEqual(['archive/a.md', 'archive/2024/b.md']);
  });

  it('lets a trailing slash match folders only', () => {
    expect(ignored(['draft.md/'], ['draft.md', 'draft.md/inner.md'])).toEqual(['draft.md/inner.md']);
  });

  it('matches dot files and dot folders', () => {
    expect(ignored(['**/*.md'], ['.hidden.md', '.github/README.md'])).toEqual(['.hidden.md', '.github/README.md']);
  });

  it('supports braces and character classes', () => {
    expect(ignored(['{drafts,scratch}/*.{md,txt}', 'v[0-9].md'], ['drafts/a.md', 'scratch/b.txt', 'other/c.md', 'v1.md', 'vx.md'])).toEqual([
      'drafts/a.md',
      'scratch/b.txt',
      'v1.md',
    ]);
  });

  it('re-includes with !, the last matching pattern winning', () => {
    const files = ['archive/a.md', 'archive/keep.md', 'b.md'];
    expect(ignored(['archive/', '!archive/keep.md'], files)).toEqual(['archive/a.md']);
    expect(ignored(['!archive/keep.md', 'archive/'], files)).toEqual(['archive/a.md', 'archive/keep.md']);
  });

  it('is case-sensitive, like git on Linux', () => {
    expect(ignored(['README.md'], ['README.md', 'readme.md'])).toEqual(['README.md']);
  });

  it('never ignores files outside the config folder, nor the folder itself', () => {
    const isIgnored = createIgnorePredicate(['**', '../**'], BASE);
    expect(isIgnored(at('inside.md'))).toBe(true);
    expect(isIgnored(path.resolve('/elsewhere/a.md'))).toBe(false);
    expect(isIgnored(path.resolve('/project-two/a.md'))).toBe(false);
    expect(isIgnored(BASE)).toBe(false);
  });

  it('skips blank patterns instead of matching everything', () => {
    expect(ignored(['', '  ', '/', '!'], ['a.md'])).toEqual([]);
  });
});
