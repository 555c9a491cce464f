/**
 * The `policylint.updateConfig` command behind "Prefer '<form>'" and "These
 * are different names": it writes the change into the project config file
 * that applies to the document (creating `.policylint.yaml` at the root of
 * its workspace folder when there is none), so the choice is shared with
 * everyone who lints the project, in the editor and in CI.
 */
import * as path from 'node:path';
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import type { ConfigChange } from '../engine';
import { describeConfigChange, NEW_CONFIG_FILE_NAME, writeConfigChange } from '../project/config-edit';
import { readConfigChange } from './diagnostics';
import { fileUri, uriToPath } from './uris';

export const UPDATE_CONFIG_COMMAND = 'policylint.updateConfig';

/** What the command needs from the server around it. */
export interface UpdateConfigDeps {
  /** The config file in force for the document at `file`, if any, and its workspace folder. */
  readonly locate: (file: string) => Promise<{ readonly configFile: string | undefined; readonly folder: string | undefined }>;
  /** Called after the file was written: config files must be read again. */
  readonly written: () => void;
  readonly inform: (message: string) => void;
  readonly fail: (message: string) => void;
}

/** The answer to the command: which file, and whether it changed. */
export interface UpdateConfigResult {
  readonly uri: string;
  readonly changed: boolean;
}

/** The code action command that applies `change` for the document `uri`. */
export function updateConfigCommand(title: string, uri: string, change: ConfigChange): { title: string; command: string; arguments: unknown[] } {
  return { title, command: UPDATE_CONFIG_COMMAND, arguments: [uri, change] };
}

/**
 * Runs the command with its raw arguments `[documentUri, change]`. Bad
 * arguments are a protocol error; a file that cannot be written is told to
 * the user and answered with `changed: false`, never a crash.
 */
export async function updateConfig(args: unknown, deps: UpdateConfigDeps): Promise<UpdateConfigResult> {
  const [uri, raw] = Array.isArray(args) ? (args as unknown[]) : [];
  const change = readConfigChange(raw);
  const file = typeof uri === 'string' ? uriToPath(uri) : undefined;
  if (file === undefined || change === undefined) {
    throw new ResponseError(ErrorCodes.InvalidParams, `policylint: ${UPDATE_CONFIG_COMMAND} takes a file uri and a config change`);
  }
  const { configFile, folder } = await deps.locate(file);
  const target = configFile ?? path.join(folder ?? path.dirname(file), NEW_CONFIG_FILE_NAME);
  const outcome = await writeConfigChange(target, change);
  const name = path.basename(target);
  if (!outcome.ok) {
    deps.fail(`policylint: could not update ${target}: ${outcome.error}`);
    return { uri: fileUri(target), changed: false };
  }
  if (outcome.changed) {
    deps.written();
    deps.inform(`policylint: ${describeConfigChange(change)} in ${outcome.created ? 'the new file ' : ''}${name}.`);
  } else {
    deps.inform(`policylint: ${name} already says so.`);
  }
  return { uri: fileUri(target), changed: outcome.changed };
}
