/**
 * The part of picomatch 4 that `ignore.ts` uses. picomatch ships no types;
 * declaring the one call here avoids a devDependency on @types/picomatch
 * for a single signature.
 */
declare module 'picomatch/posix' {
  interface PicomatchOptions {
    /** Let `*` and `**` match names starting with a dot. */
    readonly dot?: boolean;
    /** Match case-insensitively. */
    readonly nocase?: boolean;
  }
  function picomatch(pattern: string, options?: PicomatchOptions): (input: string) => boolean;
  export default picomatch;
}
