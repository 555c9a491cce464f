/**
 * The server's modules without a process: result caching across documents,
 * fix-all parity with the engine, validation of client-supplied data and
 * settings, and offset conversion.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeActionParams, Diagnostic } from 'vscode-languageserver';
import {
  applySafeFixes,
  Linter,
  LintCancelledError,
  resolveConfig,
  type Finding,
  type LintConfig,
  type SourceDocument,
} from '../../server/src/engine/index';
import { fixAllEdits, provideCodeActions, selectSafeEdits } from '../../server/src/lsp/codeActions';
import { toEngineLanguage, toLspRange } from '../../server/src/lsp/convert';
import { readDiagnosticData, toDiagnostics } from '../../server/src/lsp/diagnostics';
import { EMPTY_RESULT_ID, ResultIds } from '../../server/src/lsp/resultIds';
import { ResultCache, type LintInput, type LinterLike } from '../../server/src/lsp/results';
import { DEFAULT_SETTINGS, parseSettings, SettingsStore, type ServerSettings } from '../../server/src/lsp/settings';
import { BASELINE_RULES } from './harness';

const SEED = readFileSync(new URL('../fixtures/seed-article.txt', import.meta.url), 'utf8');
const SEED_LINES = SEED.split('\n');

/** The real engine, counting its lint calls. */
class CountingLinter implements LinterLike {
  calls = 0;
  private readonly inner = new Linter();
  lint(docs: readonly SourceDocument[], config?: LintConfig, token?: { isCancellationRequested: boolean }) {
    this.calls++;
    return this.inner.lint(docs, config, token);
  }
}

function withRules(rules: Record<string, string>): ServerSettings {
  return { enable: true, config: resolveConfig({ rules: { ...BASELINE_RULES, ...rules } }).config };
}

/** The rules these tests were written for, so that rules added later do not change their findings. */
const BASELINE = withRules({});

function input(uri: string, text: string, version = 1, settings: ServerSettings = BASELINE): LintInput {
  return { uri, version, languageId: 'plaintext', text, settings };
}

describe('ResultCache', () => {
  const a = input('file:///a.txt', SEED);
  const b = input('file:///b.txt', `${SEED_LINES[1]}`);

  it('lints the open set once and serves every document from that lint', () => {
    const linter = new CountingLinter();
    const cache = new ResultCache(linter, () => {});
    const first = cache.get([a, b], 0);
    // Asking again for "document b" with the same versions, in any order, is a cache hit.
    const second = cache.get([b, a], 0);
    expect(second).toBe(first);
    expect(linter.calls).toBe(1);
    expect(first.results.get(a.uri)!.findings.map((f) => f.ruleId)).toEqual(['repeated-paragraph', 'repeated-paragraph']);
    // b sorts after a, so its paragraph is the later copy of a's line 2.
    expect(first.results.get(b.uri)!.findings.map((f) => f.related?.[0]?.uri)).toEqual([a.uri]);

    cache.get([a, { ...b, version: 2, text: 'changed' }], 0);
    expect(linter.calls).toBe(2);
    cache.get([a, { ...b, version: 2, text: 'changed' }], 1);
    expect(linter.calls).toBe(3);
    // After a reopen a version may name another text: the texts decide.
    cache.invalidate();
    cache.get([a, { ...b, version: 2, text: 'changed' }], 1);
    expect(linter.calls).toBe(3);
    cache.invalidate();
    cache.get([a, { ...b, version: 2, text: 'reopened with other text' }], 1);
    expect(linter.calls).toBe(4);
  });

  it('tells settings apart by content, not by object: equal settings objects hit, other severities miss', () => {
    const linter = new CountingLinter();
    const cache = new ResultCache(linter, () => {});
    const first = cache.get([a, b], 0);
    // Each document gets its own settings object from the client's answer; equal ones are the same settings.
    expect(cache.get([{ ...a, settings: withRules({}) }, { ...b, settings: withRules({}) }], 0)).toBe(first);
    expect(linter.calls).toBe(1);
    const quiet = cache.get([a, { ...b, settings: withRules({ 'repeated-paragraph': 'off' }) }], 0);
    expect(linter.calls).toBe(2);
    expect(quiet.results.get(b.uri)!.findings).toEqual([]);
    expect(quiet.results.get(a.uri)!.findings.map((f) => f.ruleId)).toEqual(['repeated-paragraph', 'repeated-paragraph']);
  });

  it('re-stamps versions without linting when no text changed, and keeps entries whose findings did not change', () => {
    const linter = new CountingLinter();
    const cache = new ResultCache(linter, () => {});
    const c = input('file:///c.txt', 'A paragraph about nothing in particular, long enough to be compared with others.');
    const first = cache.get([a, b, c], 0);
    // An edit and its undo: version 3 has version 1's text.
    const undone = cache.get([a, b, { ...c, version: 3 }], 0);
    expect(linter.calls).toBe(1);
    expect(undone.results.get(c.uri)).toEqual({ ...first.results.get(c.uri), version: 3 });
    expect(undone.results.get(a.uri)).toBe(first.results.get(a.uri));
    // c changes: a and b are re-linted but their entries (same findings, same texts) are the old objects.
    const edited = cache.get([a, b, { ...c, version: 4, text: `${c.text} More words.` }], 0);
    expect(linter.calls).toBe(2);
    expect(edited.results.get(a.uri)).toBe(first.results.get(a.uri));
    expect(edited.results.get(b.uri)).toBe(first.results.get(b.uri));
    // a's text changes after the copy b points at: b's findings are equal but point into a changed text, so b gets a new entry.
    const moved = cache.get([{ ...a, version: 2, text: `${SEED}\nAn added closing line.` }, b, { ...c, version: 4, text: `${c.text} More words.` }], 0);
    expect(linter.calls).toBe(3);
    expect(moved.results.get(b.uri)!.findings).toEqual(first.results.get(b.uri)!.findings);
    expect(moved.results.get(b.uri)).not.toBe(first.results.get(b.uri));
  });

  it('applies each document its own severities within one lint call', () => {
    const linter = new CountingLinter();
    const cache = new ResultCache(linter, () => {});
    const snapshot = cache.get(
      [
        input('file:///a.txt', SEED, 1, withRules({ 'repeated-paragraph': 'off' })),
        input('file:///b.txt', SEED, 1, withRules({ 'repeated-paragraph': 'error' })),
        { ...input('file:///c.txt', SEED), settings: { ...BASELINE, enable: false } },
      ],
      0,
    );
    expect(linter.calls).toBe(1);
    expect(snapshot.results.get('file:///a.txt')!.findings).toEqual([]);
    // b still sees a's paragraphs: a disabled the rule for itself, not for the set.
    const severities = snapshot.results.get('file:///b.txt')!.findings.map((f) => f.severity);
    expect(severities.length).toBeGreaterThan(2);
    expect(new Set(severities)).toEqual(new Set(['error']));
    expect(snapshot.results.get('file:///c.txt')!.findings).toEqual([]);
  });

  it('passes cancellation through and keeps serving after an engine failure', () => {
    const cancelled = new ResultCache(new Linter(), () => {});
    expect(() => cancelled.get([a], 0, { isCancellationRequested: true })).toThrow(LintCancelledError);

    const errors: string[] = [];
    const broken = new ResultCache({ lint: () => { throw new Error('rule bug'); } }, (m) => errors.push(m));
    expect(broken.get([a], 0).results.get(a.uri)!.findings).toEqual([]);
    expect(errors.join('\n')).toMatch(/rule bug/);
  });
});

describe('fix-all', () => {
  const doc = TextDocument.create('file:///seed.txt', 'plaintext', 3, SEED);
  const findings = new Linter().lint([{ uri: doc.uri, languageId: 'plaintext', text: SEED }], BASELINE.config)[0]!.findings;

  it('selects exactly the edits applySafeFixes applies', () => {
    const edits = selectSafeEdits(findings, doc.uri);
    expect(edits).toHaveLength(2);
    expect(TextDocument.applyEdits(doc, edits.map((e) => ({ range: toLspRange(doc, e.range), newText: e.newText })))).toBe(
      applySafeFixes(SEED, findings, doc.uri).text,
    );
    expect(applySafeFixes(SEED, findings, doc.uri).text).toBe(SEED_LINES.slice(0, 3).join('\n'));
  });

  it('skips overlapping and foreign fixes like the engine does', () => {
    const fix = (start: number, end: number, uri?: string) => ({
      title: 't',
      safe: true,
      edits: [{ range: [start, end] as const, newText: '', ...(uri ? { uri } : {}) }],
    });
    const synthetic = [
      { ruleId: 'x', severity: 'warning' as const, message: 'm', range: [0, 1] as const, fixes: [fix(0, 5)] },
      { ruleId: 'x', severity: 'warning' as const, message: 'm', range: [0, 1] as const, fixes: [fix(3, 8)] },
      { ruleId: 'x', severity: 'warning' as const, message: 'm', range: [0, 1] as const, fixes: [fix(9, 10, 'file:///other.txt')] },
      { ruleId: 'x', severity: 'warning' as const, message: 'm', range: [0, 1] as const, fixes: [{ ...fix(10, 12), safe: false }] },
      { ruleId: 'x', severity: 'warning' as const, message: 'm', range: [0, 1] as const, fixes: [fix(20, 21)] },
    ];
    expect(selectSafeEdits(synthetic, doc.uri).map((e) => e.range)).toEqual([
      [0, 5],
      [20, 21],
    ]);
    expect(fixAllEdits(doc, synthetic, () => {})).toEqual(selectSafeEdits(synthetic, doc.uri));
  });

  it('offers nothing rather than corrupting text when fixes are out of range', () => {
    const warnings: string[] = [];
    const bad = [{ ruleId: 'x', severity: 'warning' as const, message: 'm', range: [0, 1] as const, fixes: [{ title: 't', safe: true, edits: [{ range: [0, SEED.length + 50] as const, newText: '' }] }] }];
    expect(fixAllEdits(doc, bad, (m) => warnings.push(m))).toEqual([]);
    expect(warnings).toHaveLength(1);
  });

  it('answers source.fixAll with unversioned changes when the client lacks documentChanges', async () => {
    const params: CodeActionParams = {
      textDocument: { uri: doc.uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    };
    const actions = await provideCodeActions(doc, params, {
      lookup: () => undefined,
      documentChanges: false,
      showLocation: false,
        configCommands: false,
      warn: () => {},
      currentFindings: async () => ({ uri: doc.uri, version: doc.version, findings }),
    });
    expect(actions).toHaveLength(1);
    expect(Object.keys(actions[0]!.edit!.changes!)).toEqual([doc.uri]);
  });
});

describe('ResultIds', () => {
  const diagnostic = (line: number, version = 1): Diagnostic => ({
    range: { start: { line, character: 0 }, end: { line, character: 4 } },
    message: 'm',
    data: { ruleId: 'r', version, fixes: [] },
  });

  it('keeps an id exactly while a uri\'s list stays equal, and never reuses one for other content', () => {
    const ids = new ResultIds();
    const first = ids.idFor('file:///a.md', [diagnostic(1)]);
    expect(ids.idFor('file:///a.md', [diagnostic(1)])).toBe(first);
    const moved = ids.idFor('file:///a.md', [diagnostic(2)]);
    expect(moved).not.toBe(first);
    expect(ids.idFor('file:///a.md', [diagnostic(2, 2)])).not.toBe(moved);
    // Back to an earlier list: a new id, never one that names other content.
    const back = ids.idFor('file:///a.md', [diagnostic(1)]);
    expect([first, moved]).not.toContain(back);
    expect(ids.idFor('file:///b.md', [diagnostic(1)])).not.toBe(back);
    expect(ids.idFor('file:///a.md', [])).toBe(EMPTY_RESULT_ID);
    expect(new ResultIds().idFor('file:///a.md', [diagnostic(1)])).not.toBe(first);
  });

  it('forgets pruned uris', () => {
    const ids = new ResultIds();
    const kept = ids.idFor('file:///kept.md', [diagnostic(1)]);
    const gone = ids.idFor('file:///gone.md', [diagnostic(1)]);
    ids.prune((uri) => uri === 'file:///kept.md');
    expect(ids.idFor('file:///kept.md', [diagnostic(1)])).toBe(kept);
    expect(ids.idFor('file:///gone.md', [diagnostic(1)])).not.toBe(gone);
  });

  it('gives the same answers after compacting its lists to digests, as a quiet server does', () => {
    const ids = new ResultIds();
    const a = ids.idFor('file:///a.md', [diagnostic(1), diagnostic(3)]);
    const b = ids.idFor('file:///b.md', [diagnostic(2)]);
    expect(ids.compact()).toBe(2);
    expect(ids.compact()).toBe(0);
    // An equal list (a new object) keeps its id; another list gets a new one.
    expect(ids.idFor('file:///a.md', [diagnostic(1), diagnostic(3)])).toBe(a);
    const changed = ids.idFor('file:///b.md', [diagnostic(2, 2)]);
    expect(changed).not.toBe(b);
    expect(ids.idFor('file:///b.md', [diagnostic(2, 2)])).toBe(changed);
  });
});

describe('diagnostic data', () => {
  const doc = TextDocument.create('file:///seed.txt', 'plaintext', 7, SEED);
  const findings = new Linter().lint([{ uri: doc.uri, languageId: 'plaintext', text: SEED }], BASELINE.config)[0]!.findings;
  const diagnostics: Diagnostic[] = toDiagnostics(doc, findings, () => undefined);

  it('round-trips through JSON and validates', () => {
    const data = readDiagnosticData(JSON.parse(JSON.stringify(diagnostics[1]!.data)));
    expect(data).toEqual({ ruleId: findings[1]!.ruleId, version: 7, index: 1 });
  });

  it.each([
    ['a string', 'x'],
    ['an array', []],
    ['a missing version', { ruleId: 'r', index: 0 }],
    ['a fractional version', { ruleId: 'r', version: 1.5, index: 0 }],
    ['a missing index', { ruleId: 'r', version: 1, fixes: [] }],
    ['a negative index', { ruleId: 'r', version: 1, index: -1 }],
    ['a fractional index', { ruleId: 'r', version: 1, index: 0.5 }],
  ])('rejects %s', (_label, value) => {
    expect(readDiagnosticData(value)).toBeUndefined();
  });

  it('re-lints for stale data instead of applying old offsets', async () => {
    let relints = 0;
    const stale = { ...diagnostics[0]!, data: { ...(diagnostics[0]!.data as object), version: 6 } };
    const actions = await provideCodeActions(
      doc,
      { textDocument: { uri: doc.uri }, range: stale.range, context: { diagnostics: [stale], only: ['quickfix'] } },
      {
        lookup: () => undefined,
        documentChanges: true,
        showLocation: false,
        configCommands: false,
        warn: () => {},
        currentFindings: async () => {
          relints++;
          return { uri: doc.uri, version: doc.version, findings };
        },
      },
    );
    expect(relints).toBe(1);
    expect(actions.find((a) => a.isPreferred)?.title).toBe('Delete repeated paragraph');
  });

  it('takes the fixes of the finding its data names, checked against rule and range', async () => {
    const fix = (title: string) => [{ title, safe: true, edits: [{ range: [0, 4] as [number, number], newText: title }] }];
    const twins: Finding[] = [
      { ruleId: 'r', severity: 'warning', message: 'm', range: [0, 4], fixes: fix('first') },
      { ruleId: 'r', severity: 'warning', message: 'm', range: [0, 4], fixes: fix('second') },
      { ruleId: 'r', severity: 'warning', message: 'm', range: [5, 9], fixes: fix('elsewhere') },
    ];
    const [first, second, elsewhere] = toDiagnostics(doc, twins, () => undefined);
    const titles = async (diagnostic: Diagnostic) =>
      (
        await provideCodeActions(
          doc,
          { textDocument: { uri: doc.uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } },
          {
            lookup: () => undefined,
            documentChanges: false,
            showLocation: false,
            configCommands: false,
            warn: () => {},
            currentFindings: async () => ({ uri: doc.uri, version: doc.version, findings: twins }),
          },
        )
      ).map((action) => action.title);
    // Each finding's own fixes, then the server's "Disable … for this line".
    const disable = 'Disable r for this line';
    expect(await titles(first!)).toEqual(['first', disable]);
    expect(await titles(second!)).toEqual(['second', disable]);
    expect(await titles(elsewhere!)).toEqual(['elsewhere', disable]);
    // Data naming a finding with another range: matched by range instead.
    expect(await titles({ ...second!, data: elsewhere!.data })).toEqual(['first', disable]);
  });
});

describe('settings', () => {
  it('uses defaults for missing settings and reports bad values by setting name', () => {
    expect(parseSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
    expect(parseSettings({ enable: true, rules: null }).problems).toEqual([]);
    const { settings, problems } = parseSettings({ enable: 1, rules: { 'repeated-word': 'loud', 'repeated-paragraph': 'error' } });
    expect(settings.enable).toBe(true);
    expect(settings.config.rules).toEqual({ 'repeated-paragraph': 'error' });
    expect(problems).toEqual([expect.stringMatching(/^policylint\.enable:/), expect.stringMatching(/^policylint\.rules\.repeated-word:/)]);
    expect(parseSettings('on').problems).toHaveLength(1);
    const repeated = parseSettings({ rules: {}, repeated: { similarity: 0.9, minWords: 0, allow: ['Disclaimer text.'] } });
    expect(repeated.settings.config.repeated).toEqual({ similarity: 0.9, minWords: 8, allow: ['Disclaimer text.'] });
    expect(repeated.problems).toEqual(['policylint.repeated.minWords: "repeated.minWords" must be a whole number of at least 1']);
  });

  it('asks the client once per document until settings change, and logs each problem once', async () => {
    const asked: string[] = [];
    const warnings: string[] = [];
    const store = new SettingsStore({
      fetch: async (uri) => {
        asked.push(uri);
        return { rules: { nope: 'error' } };
      },
      warn: (m) => warnings.push(m),
    });
    await store.get('file:///a.md');
    await store.get('file:///a.md');
    await store.get('file:///b.md');
    expect(asked).toEqual(['file:///a.md', 'file:///b.md']);
    expect(warnings).toHaveLength(1);
    store.clear();
    expect(store.peek('file:///a.md')).toBeUndefined();
    await store.get('file:///a.md');
    expect(asked).toHaveLength(3);
    expect(warnings).toHaveLength(2);
  });

  it('falls back to defaults when the client fails, and to pushed settings without a configuration capability', async () => {
    const failing = new SettingsStore({ fetch: () => Promise.reject(new Error('no')), warn: () => {} });
    expect(await failing.get('file:///a.md')).toBe(DEFAULT_SETTINGS);

    const pushed = new SettingsStore({ warn: () => {} });
    pushed.clear({ policylint: { enable: false } });
    expect((await pushed.get('file:///a.md')).enable).toBe(false);
    pushed.clear(null);
    expect(await pushed.get('file:///a.md')).toBe(DEFAULT_SETTINGS);
  });
});

describe('convert', () => {
  it('keeps UTF-16 offsets as LSP characters, across astral characters and CRLF', () => {
    const text = 'a😀b\r\nsecond line';
    const doc = TextDocument.create('file:///x.md', 'markdown', 1, text);
    expect(toLspRange(doc, [3, 4])).toEqual({ start: { line: 0, character: 3 }, end: { line: 0, character: 4 } });
    const second = text.indexOf('second');
    expect(toLspRange(doc, [second, second + 6])).toEqual({ start: { line: 1, character: 0 }, end: { line: 1, character: 6 } });
    // Stale offsets clamp instead of throwing.
    expect(toLspRange(doc, [text.length + 10, text.length + 20]).end).toEqual({ line: 1, character: 11 });
  });

  it('lints only Markdown and plain text (which Vim-style clients call "text")', () => {
    expect(['markdown', 'plaintext', 'text', 'javascript', 'Markdown'].map(toEngineLanguage)).toEqual(['markdown', 'plaintext', 'plaintext', undefined, undefined]);
  });
});
