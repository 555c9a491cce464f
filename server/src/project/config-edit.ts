/**
 * Writing a setting into a project config file on the writer's behalf
 * ("Prefer 'Zelenskyy'", "These are different names"). YAML goes through
 * the `yaml` Document API, so comments, key order and the writer's layout
 * survive; JSON is re-serialised with the file's own indentation (it holds
 * no comments to lose). A file that does not parse is never touched: writing
 * into it could only make the damage worse.
 */
import { readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, type Document, type YAMLSeq } from 'yaml';
import { describeFsError } from './read';
import { writeFileAtomic } from './write';
import type { ConfigChange } from '../engine';

/** The new text of a config file, or why it cannot be changed. */
export type ConfigEditResult =
  | { readonly ok: true; readonly text: string; readonly changed: boolean }
  | { readonly ok: false; readonly error: string };

/** The file created when no config file applies yet. */
export const NEW_CONFIG_FILE_NAME = '.policylint.yaml';

/** One line describing a change, for the editor's message after writing it. */
export function describeConfigChange(change: ConfigChange): string {
  return change.key === 'names.preferred'
    ? `"${change.value}" is now the preferred form (names.preferred)`
    : `${change.value.map((v) => `"${v}"`).join(' and ')} are now different names (names.distinct)`;
}

/**
 * Applies `change` to the text of the config file `file` (its extension
 * picks JSON or YAML; an empty text is a new file). Never throws.
 */
export function applyConfigChange(text: string, file: string, change: ConfigChange): ConfigEditResult {
  try {
    return path.extname(file).toLowerCase() === '.json' ? editJson(text, change) : editYaml(text, change);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** The `names.preferred` list after the change, or undefined when it already says so. */
function preferredList(current: readonly string[], change: Extract<ConfigChange, { key: 'names.preferred' }>): string[] | undefined {
  // Other forms of the name listed earlier would win over the new one, so they go.
  const kept = current.filter((item) => item === change.value || !change.replaces.some((r) => same(r, item)));
  if (kept.includes(change.value) && kept.length === current.length) return undefined;
  return kept.includes(change.value) ? kept : [...kept, change.value];
}

/** Whether `names.distinct` already keeps these forms apart. */
function alreadyDistinct(groups: readonly (readonly string[])[], values: readonly string[]): boolean {
  return groups.some((group) => values.every((value) => group.some((item) => same(item, value))));
}

function editYaml(text: string, change: ConfigChange): ConfigEditResult {
  const doc = parseDocument(text, { schema: 'core', version: '1.2', prettyErrors: false, logLevel: 'silent' });
  if (doc.errors.length > 0) return { ok: false, error: `the file has YAML errors (${doc.errors[0]!.message.split('\n')[0]}); fix them first` };
  if (doc.contents === null || doc.contents === undefined || (isScalar(doc.contents) && doc.contents.value === null)) {
    doc.contents = doc.createNode({}) as unknown as typeof doc.contents;
  }
  if (!isMap(doc.contents)) return { ok: false, error: 'the file is not a mapping of settings' };
  const names = doc.getIn(['names'], true);
  if (names !== undefined && names !== null && !(isScalar(names) && names.value === null) && !isMap(names)) {
    return { ok: false, error: '"names" is not a mapping' };
  }
  const key = change.key === 'names.preferred' ? 'preferred' : 'distinct';
  const list = doc.getIn(['names', key], true);
  const empty = list === undefined || list === null || (isScalar(list) && list.value === null);
  if (!empty && !isSeq(list)) return { ok: false, error: `"names.${key}" is not a list` };
  const seq = empty ? undefined : (list as YAMLSeq);

  if (change.key === 'names.preferred') {
    const items = seq?.items ?? [];
    const current = items.map((item) => (isScalar(item) ? String(item.value) : ''));
    const next = preferredList(current, change);
    if (!next) return { ok: true, text, changed: false };
    if (!seq) {
      setList(doc, ['names', key], next, false);
    } else {
      // Keep the nodes (and their comments) of every entry that stays.
      seq.items = seq.items.filter((item, i) => !isScalar(item) || next.includes(current[i]!));
      if (!current.includes(change.value)) seq.items.push(doc.createNode(change.value));
    }
  } else {
    const groups = (seq?.items ?? []).map((item) => (isSeq(item) ? item.items.map((s) => (isScalar(s) ? String(s.value) : '')) : []));
    if (alreadyDistinct(groups, change.value)) return { ok: true, text, changed: false };
    const group = doc.createNode([...change.value]);
    group.flow = true;
    if (!seq) setList(doc, ['names', key], [group], false);
    else seq.items.push(group);
  }
  return { ok: true, text: doc.toString({ lineWidth: 0, flowCollectionPadding: false }), changed: true };
}

function setList(doc: Document, where: readonly string[], items: readonly unknown[], flow: boolean): void {
  const node = doc.createNode(items);
  node.flow = flow;
  doc.setIn(where, node);
}

function editJson(text: string, change: ConfigChange): ConfigEditResult {
  const body = text.replace(/^\uFEFF/, '');
  let value: unknown = {};
  if (body.trim() !== '') {
    try {
      value = JSON.parse(body);
    } catch (error) {
      return { ok: false, error: `the file is not valid JSON (${error instanceof Error ? error.message : String(error)}); fix it first` };
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, error: 'the file is not an object of settings' };
  const config = value as Record<string, unknown>;
  const names = config.names ?? {};
  if (typeof names !== 'object' || names === null || Array.isArray(names)) return { ok: false, error: '"names" is not an object' };
  const section = names as Record<string, unknown>;
  if (change.key === 'names.preferred') {
    const current = section.preferred ?? [];
    if (!Array.isArray(current)) return { ok: false, error: '"names.preferred" is not a list' };
    const next = preferredList(current.map(String), change);
    if (!next) return { ok: true, text, changed: false };
    section.preferred = next;
  } else {
    const current = section.distinct ?? [];
    if (!Array.isArray(current)) return { ok: false, error: '"names.distinct" is not a list' };
    const groups = current.map((group) => (Array.isArray(group) ? group.map(String) : []));
    if (alreadyDistinct(groups, change.value)) return { ok: true, text, changed: false };
    section.distinct = [...current, [...change.value]];
  }
  config.names = section;
  const indent = /\n([ \t]+)"/.exec(body)?.[1] ?? '  ';
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  return { ok: true, text: `${bom}${JSON.stringify(config, null, indent)}\n`, changed: true };
}

/** What became of a {@link writeConfigChange}. */
export type ConfigWriteOutcome =
  | { readonly ok: true; readonly changed: boolean; readonly created: boolean }
  | { readonly ok: false; readonly error: string };

/**
 * Applies `change` to the config file at `file` on disk, creating it when
 * missing. The write is atomic and refused if the file changed while it was
 * being edited. Never throws.
 */
export async function writeConfigChange(file: string, change: ConfigChange): Promise<ConfigWriteOutcome> {
  let bytes: Buffer | undefined;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return { ok: false, error: describeFsError(error) };
  }
  if (bytes?.includes(0)) return { ok: false, error: 'the file is binary, not YAML or JSON text' };
  const result = applyConfigChange(bytes?.toString('utf8') ?? '', file, change);
  if (!result.ok) return result;
  if (!result.changed) return { ok: true, changed: false, created: false };
  if (bytes === undefined) {
    try {
      // 'wx': a file that appeared meanwhile is someone else's and is not overwritten.
      await writeFile(file, result.text, { encoding: 'utf8', flag: 'wx' });
      return { ok: true, changed: true, created: true };
    } catch (error) {
      return { ok: false, error: describeFsError(error) };
    }
  }
  const outcome = await writeFileAtomic(file, bytes, result.text);
  if (outcome.kind === 'written') return { ok: true, changed: true, created: false };
  return { ok: false, error: outcome.kind === 'changed' ? 'the file changed while it was being updated; try again' : outcome.reason };
}
