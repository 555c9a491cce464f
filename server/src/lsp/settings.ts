/**
 * The `policylint` settings section: validation into a `LintConfig`, and a
 * per-document cache so that every lint does not round-trip to the client.
 */
import { DEFAULT_CONFIG, resolveConfig, type LintConfig } from '../engine';

/** What the server needs from the settings of one document. */
export interface ServerSettings {
  /** False turns policylint off for the document: it is neither linted nor shown. */
  readonly enable: boolean;
  readonly config: LintConfig;
}

export const DEFAULT_SETTINGS: ServerSettings = Object.freeze({ enable: true, config: DEFAULT_CONFIG });

/**
 * Validates a raw `policylint` settings object. Never throws: invalid parts
 * keep their defaults and are described in `problems` (with the full setting
 * name, which is what a user searches for in the settings UI).
 */
export function parseSettings(raw: unknown): { settings: ServerSettings; problems: string[] } {
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { settings: DEFAULT_SETTINGS, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push('policylint: settings must be an object');
    return { settings: DEFAULT_SETTINGS, problems };
  }
  const record = raw as Record<string, unknown>;
  let enable = true;
  if (record.enable !== undefined && record.enable !== null) {
    if (typeof record.enable === 'boolean') enable = record.enable;
    else problems.push(`policylint.enable: must be true or false, not ${JSON.stringify(record.enable)}`);
  }
  // VS Code reports an unset object setting as null or {}; both mean "defaults".
  const input: Record<string, unknown> = {};
  if (record.rules !== undefined && record.rules !== null) input.rules = record.rules;
  // `policylint.repeated.*` settings arrive nested as one object.
  if (record.repeated !== undefined && record.repeated !== null) input.repeated = record.repeated;
  const resolved = resolveConfig(input);
  for (const problem of resolved.problems) {
    problems.push(`policylint.${problem.path || 'rules'}: ${problem.message}`);
  }
  return { settings: { enable, config: resolved.config }, problems };
}

/** How the store reaches the client and the log. */
export interface SettingsSource {
  /** Asks the client for the `policylint` section of `uri`; undefined when the client cannot be asked. */
  readonly fetch?: (uri: string) => Promise<unknown>;
  readonly warn: (message: string) => void;
}

/**
 * Settings per document. With a configuration-capable client each document
 * asks once (settings can differ per folder); otherwise every document uses
 * the settings last pushed with `workspace/didChangeConfiguration`.
 */
export class SettingsStore {
  /** Bumped on every change so results computed under old settings are recognisably stale. */
  private currentGeneration = 0;
  private readonly pending = new Map<string, Promise<ServerSettings>>();
  private readonly resolved = new Map<string, ServerSettings>();
  private global: ServerSettings = DEFAULT_SETTINGS;
  /** Problems already logged since the last change: every document reports the same ones. */
  private readonly logged = new Set<string>();

  constructor(private readonly source: SettingsSource) {}

  get generation(): number {
    return this.currentGeneration;
  }

  /** The settings of `uri`, fetched at most once per generation. Never rejects. */
  get(uri: string): Promise<ServerSettings> {
    if (!this.source.fetch) return Promise.resolve(this.global);
    const known = this.resolved.get(uri);
    if (known) return Promise.resolve(known);
    let promise = this.pending.get(uri);
    if (!promise) {
      const generation = this.currentGeneration;
      promise = this.source
        .fetch(uri)
        .then(
          (raw) => this.accept(raw),
          (error: unknown) => {
            this.report(`policylint: could not read settings: ${error instanceof Error ? error.message : String(error)}`);
            return DEFAULT_SETTINGS;
          },
        )
        .then((settings) => {
          // A change that arrived while the client was answering makes this answer stale.
          if (generation === this.currentGeneration) {
            this.resolved.set(uri, settings);
            this.pending.delete(uri);
          }
          return settings;
        });
      this.pending.set(uri, promise);
    }
    return promise;
  }

  /** The settings of `uri` if already known in this generation, without asking the client. */
  peek(uri: string): ServerSettings | undefined {
    return this.source.fetch ? this.resolved.get(uri) : this.global;
  }

  /**
   * Forgets every cached answer after a configuration change. `pushed` is the
   * `settings` payload of the notification, used only when the client cannot
   * be asked (push-style clients send the whole section there).
   */
  clear(pushed?: unknown): void {
    this.currentGeneration++;
    this.pending.clear();
    this.resolved.clear();
    this.logged.clear();
    if (!this.source.fetch) {
      const section =
        pushed !== null && typeof pushed === 'object' && 'policylint' in pushed
          ? (pushed as { policylint: unknown }).policylint
          : undefined;
      this.global = section === undefined ? DEFAULT_SETTINGS : this.accept(section);
    }
  }

  /** Drops the cached settings of a closed document. */
  forget(uri: string): void {
    this.pending.delete(uri);
    this.resolved.delete(uri);
  }

  private accept(raw: unknown): ServerSettings {
    const { settings, problems } = parseSettings(raw);
    for (const problem of problems) this.report(problem);
    return settings;
  }

  private report(message: string): void {
    if (this.logged.has(message)) return;
    this.logged.add(message);
    this.source.warn(message);
  }
}
