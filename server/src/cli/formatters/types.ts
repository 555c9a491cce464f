/** The contract every output format implements. */
import type { FileReport } from '../report';

export interface FormatOptions {
  /** Directory that human-readable paths are shown relative to. */
  readonly cwd: string;
  /** Whether ANSI colour may be used; decided by the caller from the output stream. */
  readonly color: boolean;
}

/** A pure function from reports to the complete output text, so formats are testable without I/O. */
export type Formatter = (reports: readonly FileReport[], options: FormatOptions) => string;
