/**
 * GitHub Actions workflow commands: one `::error`, `::warning` or `::notice`
 * line per finding, which the runner turns into annotations on the pull
 * request's diff. Paths are relative to the working directory because the
 * runner matches them against the repository checkout.
 */
import type { Severity } from '../../engine';
import { slashRelative } from './paths';
import type { Formatter } from './types';

/** Workflow commands have no "info"; hints and infos are notices. */
export function githubCommand(level: Severity): 'error' | 'warning' | 'notice' {
  return level === 'error' ? 'error' : level === 'warning' ? 'warning' : 'notice';
}

/**
 * Escapes a command's data (the message), as the Actions toolkit does: an
 * unescaped line break would end the command and print the rest as log text.
 */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value (file, title): `:` and `,` would end the value early. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Empty when nothing was found: any other output would show in the job log as noise. */
export const formatGithub: Formatter = (reports, options) => {
  let output = '';
  for (const report of reports) {
    const file = escapeProperty(slashRelative(report.filePath, options.cwd));
    for (const message of report.messages) {
      const properties = [
        `file=${file}`,
        `line=${message.line}`,
        `col=${message.column}`,
        `endLine=${message.endLine}`,
        `endColumn=${message.endColumn}`,
        `title=${escapeProperty(message.ruleId)}`,
      ].join(',');
      output += `::${githubCommand(message.level)} ${properties}::${escapeData(message.message)}\n`;
    }
  }
  return output;
};
