/** The output formats by name, as `--format` accepts them. */
import type { FormatName } from '../args';
import { formatCheckstyle } from './checkstyle';
import { formatGithub } from './github';
import { formatJson } from './json';
import { formatJunit } from './junit';
import { formatSarif } from './sarif';
import { formatStylish } from './stylish';
import type { Formatter } from './types';

export type { Formatter, FormatOptions } from './types';
export { formatCheckstyle, formatGithub, formatJson, formatJunit, formatSarif, formatStylish };

/** Typed by `FormatName` so adding a name to `--format` without a formatter fails to compile. */
export const FORMATTERS: Readonly<Record<FormatName, Formatter>> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  junit: formatJunit,
  checkstyle: formatCheckstyle,
};
