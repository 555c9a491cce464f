// The injection grammar, run through the TextMate engine VS Code itself uses
// (vscode-textmate + the Oniguruma WASM build): scopes are asserted token by
// token on sample lines.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar } from 'vscode-textmate';

const root = join(__dirname, '../..');
const INJECTION = 'text.policylint.injection';

// A stand-in for VS Code's Markdown grammar with the scopes the injection
// selector excludes (fenced code, inline code) and the one it must beat
// (HTML comments); VS Code's own grammar is not published as a package.
const MARKDOWN_HOST = {
  scopeName: 'text.html.markdown',
  patterns: [
    { begin: '^```', end: '^```', name: 'markup.fenced_code.block.markdown' },
    { match: '`[^`]+`', name: 'markup.inline.raw.string.markdown' },
    { begin: '<!--', end: '-->', name: 'comment.block.html' },
  ],
};

let markdown: IGrammar;
let plain: IGrammar;

beforeAll(async () => {
  const wasm = readFileSync(join(root, 'node_modules/vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const files: Record<string, string> = {
    [INJECTION]: join(root, 'syntaxes/policylint.injection.tmLanguage.json'),
    'text.plain.policylint': join(root, 'syntaxes/policylint.plaintext.tmLanguage.json'),
  };
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName) => {
      if (scopeName === 'text.html.markdown') return parseRawGrammar(JSON.stringify(MARKDOWN_HOST), 'markdown.json');
      const file = files[scopeName];
      return file ? parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
    },
    getInjections: (scopeName) => (scopeName === 'text.html.markdown' || scopeName === 'text.plain.policylint' ? [INJECTION] : []),
  });
  markdown = (await registry.loadGrammar('text.html.markdown'))!;
  plain = (await registry.loadGrammar('text.plain.policylint'))!;
});

/** The innermost policylint-or-host scope of each token, as [text, scope] pairs, for one or more lines. */
function scopes(grammar: IGrammar, text: string): [string, string][] {
  let state = INITIAL;
  const out: [string, string][] = [];
  for (const line of text.split('\n')) {
    const result = grammar.tokenizeLine(line, state);
    for (const token of result.tokens) {
      const piece = line.slice(token.startIndex, token.endIndex);
      if (piece.trim()) out.push([piece, token.scopes[token.scopes.length - 1]!]);
    }
    state = result.ruleStack;
  }
  return out;
}

function scopeOf(grammar: IGrammar, line: string, piece: string): string | undefined {
  return scopes(grammar, line).find(([text]) => text === piece)?.[1];
}

describe('policylint grammar', () => {
  it('marks numeric and footnote citation markers', () => {
    const line = 'Exports fell by 12 percent [1], [2, 3] and [4-6], as noted.[^gao]';
    expect(scopeOf(markdown, line, '[1]')).toBe('constant.other.reference.citation.numeric.policylint');
    expect(scopeOf(markdown, line, '[2, 3]')).toBe('constant.other.reference.citation.numeric.policylint');
    expect(scopeOf(markdown, line, '[4-6]')).toBe('constant.other.reference.citation.numeric.policylint');
    expect(scopeOf(markdown, line, '[^gao]')).toBe('constant.other.reference.citation.footnote.policylint');
  });

  it('marks author-year citations, not other parentheses', () => {
    const line = 'It rose (Smith 2021) and (GAO, 2023) and (Smith et al. 2020, p. 4) but not (in 2021) or (see above).';
    expect(scopeOf(markdown, line, '(Smith 2021)')).toBe('constant.other.reference.citation.author-year.policylint');
    expect(scopeOf(markdown, line, '(GAO, 2023)')).toBe('constant.other.reference.citation.author-year.policylint');
    expect(scopeOf(markdown, line, '(Smith et al. 2020, p. 4)')).toBe('constant.other.reference.citation.author-year.policylint');
    expect(scopes(markdown, line).filter(([, scope]) => scope.includes('author-year')).map(([t]) => t)).toEqual([
      '(Smith 2021)',
      '(GAO, 2023)',
      '(Smith et al. 2020, p. 4)',
    ]);
  });

  it('marks the citation-needed placeholder', () => {
    expect(scopeOf(plain, 'Most agree. [citation needed]', '[citation needed]')).toBe('invalid.illegal.citation-needed.policylint');
  });

  it('marks directives, their rule ids and reasons, over the HTML comment scope', () => {
    const line = '<!-- policylint-disable-next-line repeated-word, vague-attribution -- quoted speech -->';
    const found = scopes(markdown, line);
    expect(found).toContainEqual(['policylint-disable-next-line', 'keyword.control.directive.policylint']);
    expect(found).toContainEqual(['repeated-word', 'entity.name.tag.rule.policylint']);
    expect(found).toContainEqual(['vague-attribution', 'entity.name.tag.rule.policylint']);
    expect(found).toContainEqual([' -- quoted speech ', 'comment.line.reason.policylint']);
    expect(scopeOf(plain, '<!-- policylint-enable -->', 'policylint-enable')).toBe('keyword.control.directive.policylint');
    // An ordinary comment stays the host's.
    expect(scopeOf(markdown, '<!-- a note -->', ' a note ')).toBe('comment.block.html');
  });

  it('leaves links, definitions and code alone', () => {
    const line = 'See [1](https://example.com) and `[2]`.';
    expect(scopes(markdown, line).some(([, scope]) => scope.endsWith('.policylint'))).toBe(false);
    expect(scopes(markdown, '[1]: https://example.com').some(([, scope]) => scope.endsWith('.policylint'))).toBe(false);
    expect(scopes(markdown, '```\nsee [1] here\n```').some(([, scope]) => scope.endsWith('.policylint'))).toBe(false);
  });
});
