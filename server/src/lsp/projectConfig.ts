/**
 * Project config files (`.policylint.yaml`, `.yml`, `.json`) in the server:
 * which one applies to a document (the nearest folder upward, stopping at its
 * workspace folder), the document's settings with the file merged over the
 * editor's, the file's `ignore` globs, and the file's problems as
 * diagnostics on the file itself. Finding and reading are the shared
 * `project/` modules, so the editor and the CLI read a file the same way.
 */
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { resolveConfig, type PartialLintConfig } from '../engine';
import { CONFIG_FILE_NAMES, findConfigFile, loadConfigFile, type ConfigFileResult } from '../project/config-file';
import { createIgnorePredicate, type IgnorePredicate } from '../project/ignore';
import { toLspRange } from './convert';
import { SettledLookups } from './settledLookups';
import { SOURCE } from './diagnostics';
import type { ServerSettings } from './settings';
import { fileUri } from './uris';

/** A config file as read, with what the server derives from it. */
export interface ProjectConfig {
  readonly file: string;
  /** Canonical URI of the file, where its problems are reported. */
  readonly uri: string;
  readonly result: ConfigFileResult;
  /**
   * The settings in force: the file's, or while it cannot be used (a syntax
   * error mid-edit) the last good version of it, if any.
   */
  readonly settings: PartialLintConfig | undefined;
  /** Its `ignore` globs, relative to its folder. */
  readonly isIgnored: IgnorePredicate;
}

/** Whether a path names a config file, so that a change to it must be re-read. */
export function isConfigFileName(file: string): boolean {
  return CONFIG_FILE_NAMES.includes(path.basename(file));
}

/** The problems of a config file as LSP diagnostics on that file. */
export function configDiagnostics(config: ProjectConfig): Diagnostic[] {
  const doc = TextDocument.create(config.uri, 'yaml', 0, config.result.text);
  return config.result.problems.map((problem) => ({
    range: toLspRange(doc, problem.range),
    severity: problem.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: SOURCE,
    message: problem.message,
  }));
}

/**
 * Config files by folder, cached until {@link invalidate}. Lookups are
 * async (they touch the disk) but a lint must not wait for the disk on every
 * keystroke, so answers are also kept where {@link peek} finds them.
 */
export class ProjectConfigs {
  /** The config for a folder (and stop folder); null when none applies. */
  private readonly byFolder: SettledLookups<ProjectConfig>;
  private readonly byFile = new Map<string, Promise<ProjectConfig>>();
  /** Merged settings per editor settings and config file: the result cache keys on object identity. */
  private merged = new WeakMap<ServerSettings, Map<string, ServerSettings>>();
  /** The last usable settings of each file; kept across {@link invalidate}, which is when a file is being edited. */
  private readonly lastGood = new Map<string, PartialLintConfig>();

  /**
   * Whether the workspace is trusted. In an untrusted one (VS Code's
   * restricted mode) a project file is honoured only for rule severities,
   * and only inside a workspace folder: someone else's repository must not
   * steer what the editor reads or hides.
   */
  trusted = true;

  constructor(private readonly warn: (message: string) => void) {
    this.byFolder = new SettledLookups((key, error) =>
      warn(`policylint: could not look for a config file in ${key.split('\u0000')[0]}: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  /** The config of the document at `file`, if already known: null for none, undefined when not looked up yet. */
  peek(file: string, stopDir: string | undefined): ProjectConfig | null | undefined {
    if (!this.trusted && stopDir === undefined) return null;
    return this.byFolder.peek(this.key(file, stopDir));
  }

  /** Looks up (once per folder until invalidated) the config that applies to the document at `file`. Never rejects. */
  resolve(file: string, stopDir: string | undefined): Promise<ProjectConfig | null> {
    // Untrusted: no config files from outside the workspace folders (a parent folder, the home folder).
    if (!this.trusted && stopDir === undefined) return Promise.resolve(null);
    return this.byFolder.get(this.key(file, stopDir), async () => {
      const found = await findConfigFile(path.dirname(file), stopDir);
      if (!found) return null;
      for (const warning of found.warnings) this.warn(`policylint: ${warning}`);
      return this.load(found.path);
    });
  }

  /** `settings` with `config`'s file merged over them (the file wins, key by key); `settings` itself without a file. */
  apply(settings: ServerSettings, config: ProjectConfig | null): ServerSettings {
    if (!config || config.settings === undefined) return settings;
    let perFile = this.merged.get(settings);
    if (!perFile) {
      perFile = new Map();
      this.merged.set(settings, perFile);
    }
    let result = perFile.get(config.file);
    if (!result) {
      // Keys the file got wrong keep the editor's value; the file's own diagnostics say why.
      result = { enable: settings.enable, config: resolveConfig(config.settings, settings.config).config };
      perFile.set(config.file, result);
    }
    return result;
  }

  /** Every config file in use, for reporting their problems. */
  inUse(): ProjectConfig[] {
    const files = new Map<string, ProjectConfig>();
    for (const config of this.byFolder.answers()) if (config) files.set(config.file, config);
    return [...files.values()];
  }

  /** Forgets everything: a config file appeared, changed or went away, and may now apply to any folder. */
  invalidate(): void {
    this.byFolder.invalidate();
    this.byFile.clear();
    this.merged = new WeakMap();
  }

  private key(file: string, stopDir: string | undefined): string {
    return `${path.dirname(file)}\u0000${stopDir ?? ''}`;
  }

  private load(file: string): Promise<ProjectConfig> {
    let loaded = this.byFile.get(file);
    if (!loaded) {
      const trusted = this.trusted;
      loaded = loadConfigFile(file).then((read) => {
        const result = trusted ? read : restrictToSeverities(read);
        if (result.config !== undefined) this.lastGood.set(file, result.config);
        const settings = result.config ?? this.lastGood.get(file);
        return {
          file,
          uri: fileUri(file),
          result,
          settings,
          isIgnored: createIgnorePredicate(resolveConfig(settings).config.ignore, path.dirname(file)),
        };
      });
      this.byFile.set(file, loaded);
    }
    return loaded;
  }
}

/**
 * A config file as an untrusted workspace may use it: rule severities only.
 * The keys set aside are named in one notice on the file, so nobody wonders
 * why their `ignore` or `names` settings do nothing.
 */
export function restrictToSeverities(result: ConfigFileResult): ConfigFileResult {
  if (result.config === undefined) return result;
  const ignored = Object.keys(result.config).filter((key) => key !== 'rules');
  if (ignored.length === 0) return result;
  const config: PartialLintConfig = result.config.rules === undefined ? {} : { rules: result.config.rules };
  const notice = {
    message: `This workspace is not trusted: only rule severities apply; ${ignored.map((key) => `"${key}"`).join(', ')} ${ignored.length === 1 ? 'is' : 'are'} ignored until you trust it.`,
    severity: 'warning' as const,
    range: [0, 0] as const,
  };
  return { ...result, config, problems: [...result.problems, notice] };
}
