// The SARIF format: structure and values on a fixed result set, validation
// against the official SARIF 2.1.0 schema (see sarif-schema.ts for where the
// schema comes from), and fingerprints that stay put when a file is edited
// above a finding.
import * as path from 'node:path';
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { buildSarifLog, formatSarif, FINGERPRINT_KEY, SRCROOT } from '../../server/src/cli/formatters/sarif';
import { buildReports, type LintedSource } from '../../server/src/cli/report';
import { ruleDocumentation } from '../../server/src/cli/rule-docs';
import { lintDocuments, resolveConfig, RULES, type SourceDocument } from '../../server/src/engine';
import { version as packageVersion } from '../../package.json';
import { sarifSchemaErrors } from './sarif-schema';
import { AWKWARD_FILE, CI_REPORTS, CWD, file, message } from './sample-reports';

const ROOT = path.resolve(__dirname, '../..');

const log = JSON.parse(formatSarif(CI_REPORTS, { cwd: CWD, color: false })) as Sarif.Log;
const run = log.runs[0]!;
const results = run.results!;

describe('SARIF against the official 2.1.0 schema', () => {
  const schemaErrors = sarifSchemaErrors();

  it('accepts the log for the fixed result set', () => {
    expect(schemaErrors(log)).toEqual([]);
  });

  it('accepts the log for a run with nothing found and for one with no files', () => {
    expect(schemaErrors(buildSarifLog([file('/proj/clean.md', [])], { cwd: CWD }))).toEqual([]);
    expect(schemaErrors(buildSarifLog([], { cwd: CWD }))).toEqual([]);
  });

  it('rejects a log with a broken region or a URI with a space, so the validation really checks something', () => {
    const broken = structuredClone(log);
    broken.runs[0]!.results![0]!.locations![0]!.physicalLocation!.region!.startLine = 0;
    expect(schemaErrors(broken).map((error) => error.instancePath)).toContain('/runs/0/results/0/locations/0/physicalLocation/region/startLine');
    const spaced = structuredClone(log);
    spaced.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation!.uri = 'docs/a file.md';
    expect(schemaErrors(spaced).map((error) => error.keyword)).toContain('format');
  });
});

describe('SARIF tool and rules', () => {
  const driver = run.tool.driver;

  it('names the tool and its version, without an information URI', () => {
    expect(log.version).toBe('2.1.0');
    expect(driver.name).toBe('policylint');
    expect(driver.version).toBe(packageVersion);
    expect(driver.informationUri).toBeUndefined();
  });

  it('describes every registry rule, in registry order, with help and its default level', () => {
    expect(driver.rules!.map((rule) => rule.id)).toEqual(RULES.map((rule) => rule.id));
    const levels = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;
    RULES.forEach((meta, index) => {
      const descriptor = driver.rules![index]!;
      const docs = ruleDocumentation(meta);
      expect(descriptor.shortDescription).toEqual({ text: meta.description });
      expect(descriptor.fullDescription).toEqual({ text: docs.fullDescription });
      expect(descriptor.help).toEqual({ text: docs.help });
      expect(descriptor.help!.text.length).toBeGreaterThan(meta.description.length);
      expect(descriptor.defaultConfiguration).toEqual({ level: levels[meta.defaultSeverity] });
    });
  });

  it('declares UTF-16 columns and maps %SRCROOT% to the working directory', () => {
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.originalUriBaseIds).toEqual({ [SRCROOT]: { uri: 'file:///proj/' } });
  });
});

describe('SARIF results', () => {
  it('has one result per message, in report order, each pointing at its rule descriptor', () => {
    expect(results.map((result) => result.ruleId)).toEqual([
      'repeated-paragraph',
      'repeated-word',
      'inconsistent-name',
      'unsourced-statistic',
      'possible-name-typo',
      'repeated-word',
    ]);
    for (const result of results) expect(run.tool.driver.rules![result.ruleIndex!]!.id).toBe(result.ruleId);
  });

  it('maps levels: error and warning stay, info and hint become note', () => {
    expect(results.map((result) => result.level)).toEqual(['warning', 'error', 'warning', 'note', 'note', 'warning']);
  });

  it('locates each result with a relative URI under %SRCROOT% and a 1-based region', () => {
    expect(results[0]!.locations).toEqual([
      {
        physicalLocation: {
          artifactLocation: { uri: 'docs/policy.md', uriBaseId: SRCROOT },
          region: { startLine: 4, startColumn: 1, endLine: 5, endColumn: 12 },
        },
      },
    ]);
  });

  it('percent-encodes file names, and uses an absolute file URI for files outside the working directory', () => {
    expect(results[4]!.locations![0]!.physicalLocation!.artifactLocation).toEqual({
      uri: 'drafts/brief%2C%20v2%3A%20final.md',
      uriBaseId: SRCROOT,
    });
    expect(results[5]!.locations![0]!.physicalLocation!.artifactLocation).toEqual({ uri: 'file:///elsewhere/outside.md' });
  });

  it('keeps the message text, line breaks and all', () => {
    expect(results[3]!.message.text).toBe('Figure "50%" is unsourced: cite it, or say who gives it.\r\nSecond line\nthird');
  });

  it('gives related locations ids and messages, and links them from the message so GitHub shows them', () => {
    expect(results[0]!.relatedLocations).toEqual([
      {
        id: 1,
        physicalLocation: {
          artifactLocation: { uri: 'docs/policy.md', uriBaseId: SRCROOT },
          region: { startLine: 2, startColumn: 1, endLine: 3, endColumn: 12 },
        },
        message: { text: 'Earlier copy of this paragraph' },
      },
      {
        id: 2,
        physicalLocation: {
          artifactLocation: { uri: 'annex.md', uriBaseId: SRCROOT },
          region: { startLine: 7, startColumn: 3, endLine: 7, endColumn: 40 },
        },
        message: { text: 'Copy in [annex]' },
      },
    ]);
    expect(results[0]!.message.text).toBe(
      'This paragraph repeats the paragraph on line 2. See [Earlier copy of this paragraph](1), [Copy in \\[annex\\]](2).',
    );
    expect(results[1]!.relatedLocations).toBeUndefined();
  });

  it('escapes text in a message that would otherwise read as a link', () => {
    const [result] = buildSarifLog([file('/proj/a.md', [message({ message: 'Quoted "[see](1)" from the draft.' })])], { cwd: CWD }).runs[0]!.results!;
    expect(result!.message.text).toBe('Quoted "\\[see\\](1)" from the draft.');
  });

  it('turns safe fixes into SARIF fixes: deletions without inserted content, replacements with it', () => {
    expect(results[0]!.fixes).toEqual([
      {
        description: { text: 'Delete repeated paragraph' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'docs/policy.md', uriBaseId: SRCROOT },
            replacements: [{ deletedRegion: { startLine: 3, startColumn: 12, endLine: 5, endColumn: 12 } }],
          },
        ],
      },
    ]);
    expect(results[2]!.fixes![0]!.artifactChanges[0]!.replacements[0]).toEqual({
      deletedRegion: { startLine: 14, startColumn: 5, endLine: 14, endColumn: 9 },
      insertedContent: { text: 'US' },
    });
    // Suggestions need review, so they are not offered as fixes; neither is anything for a message without a safe fix.
    expect(results[2]!.fixes).toHaveLength(1);
    expect(results[3]!.fixes).toBeUndefined();
  });
});

describe('SARIF partial fingerprints', () => {
  const fingerprintOf = (result: Sarif.Result): string => result.partialFingerprints![FINGERPRINT_KEY]!;

  it('gives every result a policylint/v1 fingerprint, distinct within the run', () => {
    const values = results.map(fingerprintOf);
    for (const value of values) expect(value).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(values).size).toBe(values.length);
  });

  it('ignores line numbers and the checkout folder, and separates identical findings by their order', () => {
    const same = (line: number) => message({ ruleId: 'repeated-word', line, endLine: line, contentHash: 'same' });
    const first = buildSarifLog([file('/proj/a.md', [same(3), same(9)])], { cwd: '/proj' }).runs[0]!.results!.map(fingerprintOf);
    const moved = buildSarifLog([file('/ci/work/a.md', [same(30), same(90)])], { cwd: '/ci/work' }).runs[0]!.results!.map(fingerprintOf);
    expect(moved).toEqual(first);
    expect(first[0]).not.toBe(first[1]);
  });

  it('changes with the rule, the file and the flagged text', () => {
    const base = buildSarifLog([file('/proj/a.md', [message({ contentHash: 'x' })])], { cwd: CWD }).runs[0]!.results![0]!;
    const otherRule = buildSarifLog([file('/proj/a.md', [message({ contentHash: 'x', ruleId: 'repeated-sentence' })])], { cwd: CWD }).runs[0]!.results![0]!;
    const otherFile = buildSarifLog([file('/proj/b.md', [message({ contentHash: 'x' })])], { cwd: CWD }).runs[0]!.results![0]!;
    const otherText = buildSarifLog([file('/proj/a.md', [message({ contentHash: 'y' })])], { cwd: CWD }).runs[0]!.results![0]!;
    const values = [base, otherRule, otherFile, otherText].map(fingerprintOf);
    expect(new Set(values).size).toBe(4);
  });

  it('survives, through the real engine, lines added above the findings and the paragraph being re-wrapped', () => {
    const para = 'Member states shall publish their annual emission reports before the end of March each year.';
    const lint = (text: string): Sarif.Result[] => {
      const uri = path.join(ROOT, 'draft.md');
      const document: SourceDocument = { uri, languageId: 'markdown', text };
      const source: LintedSource = { uri, filePath: uri, text, languageId: 'markdown' };
      const only = resolveConfig({ rules: Object.fromEntries(RULES.map((rule) => [rule.id, ['repeated-paragraph', 'repeated-word'].includes(rule.id) ? 'warning' : 'off'])) }).config;
      return buildSarifLog(buildReports(lintDocuments([document], only), [source]), { cwd: ROOT }).runs[0]!.results!;
    };
    const before = lint(`${para}\n\nWe met the the minister.\n\n${para}\n`);
    const after = lint(`# Title\n\nA new opening paragraph.\n\n${para}\n\nWe met the the minister.\n\n${para.replace('annual ', 'annual\n')}\n`);
    expect(before.map((result) => result.ruleId)).toEqual(['repeated-word', 'repeated-paragraph']);
    expect(after.map((result) => result.ruleId)).toEqual(before.map((result) => result.ruleId));
    expect(after[0]!.locations![0]!.physicalLocation!.region!.startLine).not.toBe(before[0]!.locations![0]!.physicalLocation!.region!.startLine);
    expect(after.map(fingerprintOf)).toEqual(before.map(fingerprintOf));
  });
});

it('keeps AWKWARD_FILE inside the working directory (a guard on the fixture itself)', () => {
  expect(AWKWARD_FILE.startsWith(`${CWD}/`)).toBe(true);
});
