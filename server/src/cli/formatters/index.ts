/** The output formats by name, as `--format` accepts them. */
import type { FormatName } from '../args';
import { formatJson } from './json';
import { formatStylish } from './stylish';
import type { Formatter } from './types';

export type { Formatter, FormatOptions } from './types';
export { formatJson, formatStylish };

/** Typed by `FormatName` so adding a name to `--format` without a formatter fails to compile. */
export const FORMATTERS: Readonly<Record<FormatName, Formatter>> = {
  stylish: formatStylish,
  json: formatJson,
};
