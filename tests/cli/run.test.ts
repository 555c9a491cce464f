// `main` in-process: the wiring that a spawned process cannot reach, such as
// a terminal on stdout, and proof that the command runs without a process.
import { describe, expect, it } from 'vitest';
import { main, type CliIo } from '../../server/src/cli/run';

const PARA = 'Member states shall publish their annual emission reports before the end of March each year.';

function collector(isTTY = false) {
  const chunks: string[] = [];
  return { isTTY, write: (chunk: string) => chunks.push(chunk), text: () => chunks.join('') };
}

async function* chunksOf(...parts: (string | Uint8Array)[]): AsyncIterable<string | Uint8Array> {
  yield* parts;
}

function io(overrides: Partial<CliIo> & { stdout: CliIo['stdout'] }): CliIo {
  return { stderr: collector(), cwd: '/proj', env: {}, ...overrides };
}

describe('main', () => {
  it('colours stylish output on a terminal unless NO_COLOR is set', async () => {
    const input = `${PARA}\n\n${PARA}\n`;
    const tty = collector(true);
    expect(await main(['--stdin'], io({ stdout: tty, stdin: chunksOf(input) }))).toBe(0);
    expect(tty.text()).toContain('\u001b[33mwarning\u001b[39m');

    const noColor = collector(true);
    await main(['--stdin'], io({ stdout: noColor, stdin: chunksOf(input), env: { NO_COLOR: '1' } }));
    expect(noColor.text()).not.toContain('\u001b[');
    expect(noColor.text()).toContain('3:1  warning');
  });

  it('decodes stdin as a whole, so a character split across chunks survives', async () => {
    const paragraph = `${PARA} 😀`;
    const bytes = Buffer.from(`${paragraph}\n\n${paragraph}\n`, 'utf8');
    // Split inside the second copy's emoji (four UTF-8 bytes): decoded per
    // chunk it would turn into replacement characters and stop matching.
    const split = bytes.lastIndexOf(0xf0) + 2;
    const stdout = collector();
    const code = await main(
      ['--stdin', '--stdin-filename', 'draft.txt', '--format', 'json'],
      io({ stdout, stdin: chunksOf(bytes.subarray(0, split), bytes.subarray(split)) }),
    );
    expect(code).toBe(0);
    const [result] = JSON.parse(stdout.text()) as { filePath: string; messages: { ruleId: string; line: number; endColumn: number }[] }[];
    expect(result!.filePath).toBe('/proj/draft.txt');
    expect(result!.messages.map((m) => [m.ruleId, m.line, m.endColumn])).toEqual([['repeated-paragraph', 3, paragraph.length + 1]]);
  });

  it('fails with exit 2 when --stdin has no stdin to read', async () => {
    const stderr = collector();
    expect(await main(['--stdin'], io({ stdout: collector(), stderr }))).toBe(2);
    expect(stderr.text()).toBe('policylint: --stdin was given but no standard input is available\n');
  });
});
