/**
 * Checkstyle's XML report, which Jenkins (Warnings Next Generation),
 * reviewdog, SonarQube and many CI dashboards import. Laid out as ESLint's
 * `checkstyle` formatter writes it: every linted file, with its absolute
 * path, and the rule in `source` as `policylint.<rule id>`.
 */
import type { Severity } from '../../engine';
import { xmlAttribute } from './xml';
import type { Formatter } from './types';

/** Checkstyle's severities are ignore, info, warning and error; a hint is closest to info. */
export function checkstyleSeverity(level: Severity): 'error' | 'warning' | 'info' {
  return level === 'error' ? 'error' : level === 'warning' ? 'warning' : 'info';
}

/** Clean files are listed too, as ESLint does, so importers can tell "linted, clean" from "not linted". */
export const formatCheckstyle: Formatter = (reports) => {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<checkstyle version="4.3">'];
  for (const report of reports) {
    if (report.messages.length === 0) {
      lines.push(`  <file name="${xmlAttribute(report.filePath)}"/>`);
      continue;
    }
    lines.push(`  <file name="${xmlAttribute(report.filePath)}">`);
    for (const message of report.messages) {
      lines.push(
        `    <error line="${message.line}" column="${message.column}" severity="${checkstyleSeverity(message.level)}"` +
          ` message="${xmlAttribute(message.message)}" source="${xmlAttribute(`policylint.${message.ruleId}`)}"/>`,
      );
    }
    lines.push('  </file>');
  }
  lines.push('</checkstyle>');
  return `${lines.join('\n')}\n`;
};
