/**
 * Project configuration files (`.policylint.yaml`, `.policylint.yml`,
 * `.policylint.json`): finding the one that applies to a folder, and reading
 * it into unvalidated engine input plus problems that point at the exact key
 * or value at fault, so the CLI can print `file:line:col` and the language
 * server can put a diagnostic on the config file itself.
 *
 * Shared by the CLI and the language server; lives outside `engine/` because
 * it touches the file system. Nothing here throws on bad input: a broken
 * config file is an everyday state while someone is typing it.
 */
import { lstat, open, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { isAlias, isCollection, isMap, isPair, isScalar, parseDocument, Parser, type Node as YamlNode, type Pair } from 'yaml';
import { resolveConfig, type OffsetRange, type PartialLintConfig } from '../engine';
import { describeFsError } from './read';

/** File names in order of precedence within one folder: YAML first, as the documentation shows YAML. */
export const CONFIG_FILE_NAMES: readonly string[] = ['.policylint.yaml', '.policylint.yml', '.policylint.json'];

/** Config files above this size are refused: no real configuration is this big, and parsing one could stall the editor. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** One thing wrong with a config file. */
export interface ConfigFileProblem {
  readonly message: string;
  /** Errors are values that cannot be used; warnings are unknown keys and other things that are merely ignored. */
  readonly severity: 'error' | 'warning';
  /** `[start, end)` UTF-16 offsets into `ConfigFileResult.text`; `[0, 0]` when the file as a whole is at fault. */
  readonly range: OffsetRange;
}

/** A config file read and checked. */
export interface ConfigFileResult {
  readonly path: string;
  /** The text the ranges index (a BOM included, as on disk); empty when the file could not be read. */
  readonly text: string;
  /**
   * The settings as written, for `resolveConfig(config, base)`, which keeps
   * the base value for every key reported in `problems`. Undefined when the
   * file cannot be used at all (unreadable, a syntax error, not a mapping):
   * callers then keep their last good or default settings.
   */
  readonly config: PartialLintConfig | undefined;
  readonly problems: readonly ConfigFileProblem[];
}

/** The config file that applies to a folder. */
export interface FoundConfigFile {
  readonly path: string;
  /** Sentences about config files passed over (another kind in the same folder); empty normally. */
  readonly warnings: readonly string[];
}

/**
 * Looks for a config file in `startDir`, then in each parent, up to and
 * including `stopDir` (a workspace root) or the file-system root; the nearest
 * folder with one wins and nothing is merged from further up, as with
 * ESLint's flat config. When `startDir` is not inside `stopDir` the search
 * goes on to the root, because a stop that is never reached must not mean
 * "search nothing". Any entry with a config name counts, even a directory or
 * a dangling link, so that the mistake is reported by `loadConfigFile`
 * instead of silently using a config further up.
 */
export async function findConfigFile(startDir: string, stopDir?: string): Promise<FoundConfigFile | undefined> {
  const stop = stopDir === undefined ? undefined : path.resolve(stopDir);
  let dir = path.resolve(startDir);
  const stopApplies = stop !== undefined && isWithin(dir, stop);
  for (;;) {
    const present: string[] = [];
    for (const name of CONFIG_FILE_NAMES) {
      if (await exists(path.join(dir, name))) present.push(name);
    }
    if (present.length > 0) {
      const [chosen, ...others] = present as [string, ...string[]];
      const warnings = others.map(
        (other) => `${path.join(dir, other)} is ignored: ${chosen} in the same folder takes precedence`,
      );
      return { path: path.join(dir, chosen), warnings };
    }
    if (stopApplies && dir === stop) return undefined;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * Reads and checks the config file at `file`. Never throws: a directory, an
 * unreadable, binary or oversized file is one problem at `[0, 0]`.
 */
export async function loadConfigFile(file: string): Promise<ConfigFileResult> {
  const whole = (message: string): ConfigFileResult => ({
    path: file,
    text: '',
    config: undefined,
    problems: [{ message, severity: 'error', range: [0, 0] }],
  });
  let handle;
  try {
    // Checked before opening: opening a FIFO would block until someone writes to it.
    const kind = await stat(file);
    if (kind.isDirectory()) return whole('cannot read the configuration: it is a directory');
    if (!kind.isFile()) return whole('cannot read the configuration: not a regular file');
    handle = await open(file, 'r');
    const stats = await handle.stat();
    if (stats.size > MAX_CONFIG_BYTES) return whole(`configuration file is larger than ${MAX_CONFIG_BYTES / (1024 * 1024)} MB`);
    const bytes = await handle.readFile();
    if (bytes.length > MAX_CONFIG_BYTES) return whole(`configuration file is larger than ${MAX_CONFIG_BYTES / (1024 * 1024)} MB`);
    if (bytes.includes(0)) return whole('configuration file is binary, not YAML or JSON text');
    // Buffer#toString keeps a BOM, so ranges index the file as stored, as the CLI's positions expect.
    return parseConfigText(bytes.toString('utf8'), file);
  } catch (error) {
    return whole(`cannot read the configuration: ${describeFsError(error)}`);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Parses and checks config text (from disk or an editor buffer). `file`
 * picks the syntax (`.json` is strict JSON, anything else YAML) and is
 * echoed in the result. Only YAML's core schema is used: no tags that build
 * objects or run code.
 */
export function parseConfigText(text: string, file: string): ConfigFileResult {
  try {
    return parseChecked(text, file);
  } catch (error) {
    // Whatever the parser did not foresee must not take the editor or the CLI down with it.
    return { path: file, text, config: undefined, problems: [{ message: `cannot parse the configuration: ${messageOf(error)}`, severity: 'error', range: [0, 0] }] };
  }
}

function parseChecked(text: string, file: string): ConfigFileResult {
  const result = (config: PartialLintConfig | undefined, problems: ConfigFileProblem[]): ConfigFileResult => ({
    path: file,
    text,
    config,
    problems,
  });
  if (text.length > MAX_CONFIG_BYTES) {
    return result(undefined, [{ message: `configuration file is larger than ${MAX_CONFIG_BYTES / (1024 * 1024)} MB`, severity: 'error', range: [0, 0] }]);
  }

  // First, before anything recursive (the JSON scanner included) sees the text.
  const tooDeep = nestingProblem(text);
  if (tooDeep) return result(undefined, [tooDeep]);

  if (path.extname(file).toLowerCase() === '.json') {
    // YAML would accept comments, unquoted strings and trailing commas that a JSON file must not hold,
    // and the JSON scanner's messages speak JSON.
    const jsonError = jsonSyntaxError(text);
    if (jsonError) return result(undefined, [jsonError]);
  }

  // JSON is YAML 1.2, so one parser gives node ranges for both syntaxes.
  const doc = parseDocument(text, {
    schema: 'core',
    version: '1.2',
    prettyErrors: false,
    // Not 'warn': yaml would print warnings with process.emitWarning (they are reported here instead); not 'silent': that also drops the multiple-documents error.
    logLevel: 'error',
    uniqueKeys: true,
  });
  const problems: ConfigFileProblem[] = [];
  for (const error of doc.errors) {
    // yaml places a duplicate key's error on its first character only; underline the whole key.
    const key = error.code === 'DUPLICATE_KEY' ? keyStartingAt(doc.contents, error.pos[0]) : undefined;
    problems.push({ message: error.message, severity: 'error', range: key ? nodeRange(key, text) : clampRange(error.pos, text) });
  }
  for (const warning of doc.warnings) problems.push({ message: warning.message, severity: 'warning', range: clampRange(warning.pos, text) });
  if (doc.errors.length > 0) return result(undefined, capped(problems));

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // Alias bombs ("billion laughs") end up here.
    return result(undefined, [...problems, { message: messageOf(error), severity: 'error', range: [0, 0] }]);
  }
  // An empty file, or one with only comments, is a valid config that sets nothing.
  if (value === null || value === undefined) return result({}, problems);
  if (typeof value !== 'object' || Array.isArray(value)) {
    const range = doc.contents ? nodeRange(doc.contents, text) : ([0, 0] as const);
    return result(undefined, [...problems, { message: 'configuration must be a mapping of settings (key: value)', severity: 'error', range }]);
  }

  const checked = validate(doc.contents, value as Record<string, unknown>, text);
  return result(checked.config, [...problems, ...checked.problems]);
}

/** True when any problem is an error, i.e. the file did not apply in full. */
export function hasConfigErrors(result: ConfigFileResult): boolean {
  return result.problems.some((problem) => problem.severity === 'error');
}

/** Far deeper than any real configuration (which needs 4 levels), far shallower than what exhausts the stack. */
export const MAX_CONFIG_DEPTH = 64;

/**
 * Refuses input nested deeper than `MAX_CONFIG_DEPTH`. yaml builds its
 * document tree recursively, and running out of stack there can kill the
 * process outright (V8 reports a failed RegExp compilation as a fatal
 * out-of-memory), which no try/catch survives. Its CST parser keeps an
 * explicit stack, so the depth is measured on the CST, iteratively; a cheap
 * bracket count first turns away the commonest attack (`[[[[…`) without
 * paying for a CST of it.
 */
function nestingProblem(text: string): ConfigFileProblem | undefined {
  const tooDeep = (offset: number): ConfigFileProblem => ({
    message: `configuration is nested more than ${MAX_CONFIG_DEPTH} levels deep`,
    severity: 'error',
    range: clampRange([offset, offset + 1], text),
  });
  let depth = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (quote !== '') {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
    } else if ((c === '"' || c === "'") && (i === 0 || /[\s[{,:]/.test(text.charAt(i - 1)))) {
      // Only where a quoted scalar can start: an apostrophe inside a word is just a letter.
      quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(text.charAt(i - 1)))) {
      while (i < text.length && text.charAt(i) !== '\n') i++;
    } else if (c === '[' || c === '{') {
      if (++depth > MAX_CONFIG_DEPTH) return tooDeep(i);
    } else if (c === ']' || c === '}') {
      depth = Math.max(depth - 1, 0);
    }
  }
  for (const token of new Parser().parse(text)) {
    const stack: [unknown, number][] = [[token, 0]];
    while (stack.length > 0) {
      const [node, level] = stack.pop()!;
      if (typeof node !== 'object' || node === null) continue;
      const cst = node as { offset?: number; value?: unknown; key?: unknown; items?: { key?: unknown; value?: unknown }[] };
      if (level > MAX_CONFIG_DEPTH) return tooDeep(cst.offset ?? 0);
      if (typeof cst.value === 'object') stack.push([cst.value, level + 1]);
      for (const item of Array.isArray(cst.items) ? cst.items : []) {
        stack.push([item.key, level + 1], [item.value, level + 1]);
      }
    }
  }
  return undefined;
}

/** Garbage input can yield hundreds of parse errors, mostly echoes of the first; a few say all there is to say. */
const MAX_SYNTAX_PROBLEMS = 10;

function capped(problems: ConfigFileProblem[]): ConfigFileProblem[] {
  if (problems.length <= MAX_SYNTAX_PROBLEMS) return problems;
  const kept = problems.slice(0, MAX_SYNTAX_PROBLEMS);
  const last = kept[kept.length - 1]!;
  kept.push({ message: `${problems.length - MAX_SYNTAX_PROBLEMS} more problems not shown`, severity: last.severity, range: last.range });
  return kept;
}

/**
 * Runs the engine's validation one top-level key at a time, so that each
 * problem's dotted path can be matched to its YAML node without guessing:
 * keys may contain dots themselves (`repeated.minWords` written flat), which
 * makes a dotted path alone ambiguous. Returns the settings to hand on,
 * without the keys that `isPrototypeKey` screens out.
 */
function validate(root: unknown, value: Record<string, unknown>, text: string): { config: PartialLintConfig; problems: ConfigFileProblem[] } {
  if (!isMap(root)) {
    // Not reachable with the core schema (every mapping is a YAMLMap); kept so odd input still gets checked.
    const problems = resolveConfig(value).problems.map((problem): ConfigFileProblem => ({ message: problem.message, severity: problem.severity, range: [0, 0] }));
    return { config: value, problems };
  }
  const config: Record<string, unknown> = {};
  const problems: ConfigFileProblem[] = [];
  for (const pair of root.items) {
    const key = keyText(pair.key);
    if (key === undefined) continue;
    if (isPrototypeKey(key)) {
      problems.push({ message: `unknown setting "${key}"`, severity: 'warning', range: pairRange(pair, 'warning', text) });
      continue;
    }
    let own = Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined;
    if (isMap(pair.value) && isPlainRecord(own)) {
      const section: Record<string, unknown> = {};
      for (const item of pair.value.items) {
        const inner = keyText(item.key);
        if (inner === undefined || !Object.prototype.hasOwnProperty.call(own, inner)) continue;
        if (isPrototypeKey(inner)) {
          problems.push({ message: `unknown setting "${key}.${inner}"`, severity: 'warning', range: pairRange(item, 'warning', text) });
        } else {
          section[inner] = own[inner];
        }
      }
      own = section;
    }
    config[key] = own;
    for (const problem of resolveConfig({ [key]: own }).problems) {
      let target: Pair = pair;
      if (problem.path !== key && isMap(pair.value)) {
        const nested = problem.path.slice(key.length + 1);
        target = pair.value.items.filter((item) => keyText(item.key) === nested).pop() ?? pair;
      }
      problems.push({ message: problem.message, severity: problem.severity, range: pairRange(target, problem.severity, text) });
    }
  }
  return { config, problems };
}

/**
 * Names that plain objects inherit (`__proto__`, `constructor`, `toString`):
 * the engine's validator looks keys up with `in`, so these would be taken
 * for known sections or fields and can even make it throw. They are never
 * settings, so they are reported as unknown and not handed on.
 */
function isPrototypeKey(key: string): boolean {
  return key in Object.prototype;
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The key for an unknown key (a warning: the key is what is wrong), the
 * value for a bad value (an error: the value is what is wrong), as
 * `resolveConfig` distinguishes them.
 */
function pairRange(pair: Pair, severity: 'error' | 'warning', text: string): OffsetRange {
  const key = isNode(pair.key) ? nodeRange(pair.key, text) : undefined;
  const value = isNode(pair.value) ? nodeRange(pair.value, text) : undefined;
  const preferred = severity === 'warning' ? key ?? value : value ?? key;
  // `rules:` with nothing after it has an empty value node; point at the key instead.
  if (preferred && preferred[1] > preferred[0]) return preferred;
  return key ?? preferred ?? [0, 0];
}

/** The key node of any mapping in the tree that starts at `offset`. */
function keyStartingAt(node: unknown, offset: number): YamlNode | undefined {
  if (!isCollection(node)) return undefined;
  for (const item of node.items) {
    if (isPair(item)) {
      if (isNode(item.key) && item.key.range?.[0] === offset) return item.key;
      const found = keyStartingAt(item.key, offset) ?? keyStartingAt(item.value, offset);
      if (found) return found;
    } else {
      const found = keyStartingAt(item, offset);
      if (found) return found;
    }
  }
  return undefined;
}

/** A key as `toJS` turns it into an object property name. */
function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  if (isNode(key)) return String(key);
  return undefined;
}

function isNode(value: unknown): value is YamlNode {
  return isScalar(value) || isCollection(value) || isAlias(value);
}

/**
 * A node's own text: a block collection's range runs on over trailing
 * newlines and comments, which would underline the next line in an editor.
 */
function nodeRange(node: YamlNode, text: string): OffsetRange {
  const [start, valueEnd] = node.range ?? [0, 0];
  let end = valueEnd;
  if (isCollection(node) && !node.flow && node.items.length > 0) {
    const last = node.items[node.items.length - 1];
    const inner = isPair(last) ? (isNode(last.value) ? last.value : isNode(last.key) ? last.key : undefined) : isNode(last) ? last : undefined;
    if (inner) end = nodeRange(inner, text)[1];
  }
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  return clampRange([start, end], text);
}

function clampRange(range: readonly [number, number], text: string): OffsetRange {
  const start = Math.min(Math.max(range[0], 0), text.length);
  const end = Math.min(Math.max(range[1], start), text.length);
  return [start, end];
}

/**
 * The first JSON syntax error in `text`, at its exact offset. JSON.parse
 * alone cannot give this: V8 names no position for several errors.
 */
function jsonSyntaxError(text: string): ConfigFileProblem | undefined {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fail = (message: string, at = i): never => {
    throw new JsonSyntaxError(message, at);
  };
  const describe = (at: number): string => (at >= text.length ? 'end of file' : JSON.stringify(text.charAt(at)));
  const whitespace = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i++;
  };
  const string = (): void => {
    const start = i++;
    for (;;) {
      if (i >= text.length) fail('unterminated string', start);
      const code = text.charCodeAt(i);
      if (code === 0x22 /* " */) {
        i++;
        return;
      }
      if (code === 0x5c /* \\ */) {
        const next = text.charAt(i + 1);
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('\\u must be followed by four hex digits');
          i += 6;
        } else if ('"\\/bfnrt'.includes(next) && next !== '') {
          i += 2;
        } else {
          fail(`invalid escape \\${next}`);
        }
      } else if (code < 0x20) {
        fail('control character in string (write it as an escape)');
      } else {
        i++;
      }
    }
  };
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const value = (): void => {
    whitespace();
    const c = text.charAt(i);
    if (c === '{') {
      i++;
      whitespace();
      if (text.charAt(i) === '}') {
        i++;
        return;
      }
      for (;;) {
        whitespace();
        if (text.charAt(i) !== '"') fail(`expected a double-quoted property name, found ${describe(i)}`);
        string();
        whitespace();
        if (text.charAt(i) !== ':') fail(`expected ':' after the property name, found ${describe(i)}`);
        i++;
        value();
        whitespace();
        if (text.charAt(i) === ',') {
          i++;
          continue;
        }
        if (text.charAt(i) === '}') {
          i++;
          return;
        }
        fail(`expected ',' or '}', found ${describe(i)}`);
      }
    } else if (c === '[') {
      i++;
      whitespace();
      if (text.charAt(i) === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        whitespace();
        if (text.charAt(i) === ',') {
          i++;
          continue;
        }
        if (text.charAt(i) === ']') {
          i++;
          return;
        }
        fail(`expected ',' or ']', found ${describe(i)}`);
      }
    } else if (c === '"') {
      string();
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      NUMBER.lastIndex = i;
      const match = NUMBER.exec(text);
      if (!match) fail(`invalid number`);
      i += match![0].length;
    } else {
      const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, i));
      if (!literal) fail(`expected a value, found ${describe(i)}`);
      i += literal!.length;
    }
  };
  try {
    value();
    whitespace();
    if (i < text.length) fail(`unexpected ${describe(i)} after the JSON value`);
    return undefined;
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const start = Math.min(error.offset, text.length);
    return { message: `invalid JSON: ${error.message}`, severity: 'error', range: [start, Math.min(start + 1, text.length)] };
  }
}

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await lstat(file);
    return true;
  } catch {
    return false;
  }
}

function isWithin(dir: string, ancestor: string): boolean {
  const relative = path.relative(ancestor, dir);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
