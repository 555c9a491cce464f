/**
 * The human format, laid out like ESLint's `stylish` so people who read
 * ESLint output read this without thinking: a path header per file with
 * problems, aligned `line:col  level  message  ruleId` rows, one summary.
 */
import * as path from 'node:path';
import type { Severity } from '../../engine';
import { palette, type Palette, type Style } from '../color';
import type { Formatter } from './types';

/** Empty when there is nothing to report, as ESLint's stylish is. */
export const formatStylish: Formatter = (reports, options) => {
  const colors = palette(options.color);
  let output = '';
  let errors = 0;
  let warnings = 0;
  let infos = 0;

  for (const report of reports) {
    if (report.messages.length === 0) continue;
    errors += report.errorCount;
    warnings += report.warningCount;
    infos += report.infoCount;

    const rows = report.messages.map((message) => ({
      line: String(message.line),
      column: String(message.column),
      level: message.level,
      // A line break inside a message would break the table.
      text: message.message.replace(/\s*[\r\n]+\s*/g, ' ').replace(/([^ ])\.$/u, '$1'),
      ruleId: message.ruleId,
    }));
    const lineWidth = Math.max(...rows.map((row) => row.line.length));
    const columnWidth = Math.max(...rows.map((row) => row.column.length));
    const levelWidth = Math.max(...rows.map((row) => row.level.length));
    const textWidth = Math.max(...rows.map((row) => row.text.length));

    output += `\n${colors.underline(displayPath(report.filePath, options.cwd))}\n`;
    for (const row of rows) {
      // Padding is computed on plain text, then coloured, so ANSI codes never skew the columns.
      const position = `${row.line.padStart(lineWidth)}:${row.column.padEnd(columnWidth)}`;
      const level = levelStyle(row.level, colors)(row.level) + ' '.repeat(levelWidth - row.level.length);
      const text = row.text.padEnd(textWidth);
      output += `  ${colors.dim(position)}  ${level}  ${text}  ${colors.dim(row.ruleId)}\n`;
    }
  }

  const total = errors + warnings + infos;
  if (total === 0) return '';
  const summaryStyle = errors > 0 ? colors.red : warnings > 0 ? colors.yellow : colors.blue;
  const summary =
    `\u2716 ${total} ${plural(total, 'problem')} ` +
    `(${errors} ${plural(errors, 'error')}, ${warnings} ${plural(warnings, 'warning')}, ${infos} ${plural(infos, 'info')})`;
  return `${output}\n${colors.bold(summaryStyle(summary))}\n`;
};

/** Paths relative to the working directory are shorter and clickable in most terminals. */
function displayPath(filePath: string, cwd: string): string {
  if (!path.isAbsolute(filePath)) return filePath;
  return path.relative(cwd, filePath) || filePath;
}

function levelStyle(level: Severity, colors: Palette): Style {
  switch (level) {
    case 'error':
      return colors.red;
    case 'warning':
      return colors.yellow;
    case 'info':
      return colors.blue;
    case 'hint':
      return colors.dim;
  }
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}
