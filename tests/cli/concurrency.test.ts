import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeFile, type AnalysisSettings } from '../../server/src/cli/analyze-file';
import { FILES_PER_WORKER, READ_AHEAD, resolveConcurrency, runTasks } from '../../server/src/cli/pool';
import { DEFAULT_CONFIG, Linter } from '../../server/src/engine';

describe('resolveConcurrency', () => {
  it('keeps auto in the main thread on two cores, however many files', () => {
    expect(resolveConcurrency('auto', 5_000, 2)).toBe(1);
    expect(resolveConcurrency('auto', 5_000, 1)).toBe(1);
  });

  it('uses one worker per two cores for large runs, and no more than one per FILES_PER_WORKER files', () => {
    expect(resolveConcurrency('auto', 5_000, 8)).toBe(4);
    expect(resolveConcurrency('auto', 5_000, 5)).toBe(2);
    expect(resolveConcurrency('auto', 2 * FILES_PER_WORKER, 8)).toBe(2);
    expect(resolveConcurrency('auto', FILES_PER_WORKER - 1, 8)).toBe(1);
  });

  it('takes a number as given, but never more threads than files', () => {
    expect(resolveConcurrency(3, 100, 2)).toBe(3);
    expect(resolveConcurrency(4, 2, 8)).toBe(2);
    expect(resolveConcurrency(1, 100, 8)).toBe(1);
  });
});

describe('runTasks in the main thread', () => {
  it('reads ahead but answers every file in task order, as one-by-one analysis does, bad files included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'policylint-pool-'));
    try {
      const files: string[] = [];
      for (let i = 0; i < READ_AHEAD * 3; i++) {
        const file = join(dir, `f${String(i).padStart(2, '0')}.md`);
        if (i % 7 === 3) writeFileSync(file, Buffer.from([0x50, 0, 0x4c]));
        else if (i % 7 !== 5) writeFileSync(file, `# File ${i}\n\nExperts say the U.S. budget grew ${i} percent. The US agreed.\n`);
        // i % 7 === 5: never written, so reading it fails.
        files.push(file);
      }
      const settings: AnalysisSettings = { config: DEFAULT_CONFIG, maxFileBytes: 1024 * 1024 };
      const tasks = files.map((file) => ({ file, summaryOnly: false }));
      const outcomes = await runTasks(tasks, settings, 1);
      const linter = new Linter();
      const oneByOne = [];
      for (const task of tasks) oneByOne.push(await analyzeFile(linter, task, settings));
      expect(outcomes.map((outcome) => outcome.kind)).toEqual(files.map((_, i) => (i % 7 === 3 ? 'skipped' : i % 7 === 5 ? 'error' : 'analysed')));
      expect(outcomes).toEqual(oneByOne);
      const texts = outcomes.map((outcome) => (outcome.kind === 'analysed' ? outcome.analysis.summary.text : undefined));
      files.forEach((_, i) => {
        if (texts[i] !== undefined) expect(texts[i]).toContain(`grew ${i} percent`);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
