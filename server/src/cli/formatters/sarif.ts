/**
 * SARIF 2.1.0, the format GitHub code scanning (and Azure DevOps, GitLab,
 * SonarQube) imports. Choices that matter to those consumers:
 *
 * - every registry rule is described, with help text, so an alert explains
 *   itself in the code-scanning UI;
 * - artifact URIs are relative to the working directory under the
 *   `%SRCROOT%` base id, so alerts map onto the repository whatever folder
 *   the runner checked it out into;
 * - related locations are linked from the message (`[text](id)`), which is
 *   the only way GitHub shows them;
 * - `partialFingerprints` name a finding by rule, file and the text it
 *   flags, not by line, so an alert survives edits above it.
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { RULES, type RuleMeta, type Severity } from '../../engine';
import type { FileReport, ReportMessage, ReportRegion } from '../report';
import { ruleDocumentation } from '../rule-docs';
import { VERSION } from '../version';
import { isInside, slashRelative } from './paths';
import type { Formatter, FormatOptions } from './types';

/** The schema URI SARIF producers conventionally write; consumers use it to pick a version. */
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/** The base id artifact URIs are relative to; `originalUriBaseIds` maps it to the working directory. */
export const SRCROOT = '%SRCROOT%';

/**
 * The `partialFingerprints` key. The version suffix is part of the contract:
 * if the hashed fields ever change, the key changes with them, so consumers
 * never compare fingerprints computed two different ways.
 */
export const FINGERPRINT_KEY = 'policylint/v1';

/** Pretty-printed: SARIF files are read by people debugging an upload as often as by tools. */
export const formatSarif: Formatter = (reports, options) => `${JSON.stringify(buildSarifLog(reports, options), null, 2)}\n`;

/** The SARIF log as an object, for callers (and tests) that want to inspect rather than print it. */
export function buildSarifLog(reports: readonly FileReport[], options: Pick<FormatOptions, 'cwd'>): Sarif.Log {
  const rules: RuleMeta[] = [...RULES];
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const results: Sarif.Result[] = [];
  for (const report of reports) {
    const artifact = artifactLocation(report.filePath, options.cwd);
    // Occurrences of the same rule and flagged text in this file, in order: the tie-breaker of the fingerprint.
    const occurrences = new Map<string, number>();
    for (const message of report.messages) {
      let index = ruleIndex.get(message.ruleId);
      if (index === undefined) {
        // Not expected (the engine only reports registered rules), but a result must point at a descriptor.
        index = rules.length;
        rules.push({ id: message.ruleId, defaultSeverity: message.level, description: message.ruleId });
        ruleIndex.set(message.ruleId, index);
      }
      const identity = `${message.ruleId}\u0000${artifact.uri}\u0000${message.contentHash}`;
      const occurrence = occurrences.get(identity) ?? 0;
      occurrences.set(identity, occurrence + 1);
      results.push(toResult(message, index, artifact, fingerprint(identity, occurrence), options.cwd));
    }
  }

  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'policylint',
            version: VERSION,
            semanticVersion: VERSION,
            rules: rules.map(toDescriptor),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(options.cwd) } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

/** SARIF has three levels of problem; info and hint findings are both notes. */
export function sarifLevel(level: Severity): 'error' | 'warning' | 'note' {
  return level === 'error' ? 'error' : level === 'warning' ? 'warning' : 'note';
}

/**
 * Where a file is, as SARIF wants it: a relative URI under `%SRCROOT%` for
 * files in the working directory (and for unnamed stdin, which has no real
 * location), an absolute `file:` URI for files outside it, since `../`
 * would climb out of the source root that consumers resolve against.
 */
export function artifactLocation(filePath: string, cwd: string): { uri: string; uriBaseId?: string } {
  if (isInside(filePath, cwd) || !path.isAbsolute(filePath)) {
    return { uri: encodeRelativePath(slashRelative(filePath, cwd)), uriBaseId: SRCROOT };
  }
  return { uri: pathToFileURL(filePath).href };
}

function toDescriptor(rule: RuleMeta): Sarif.ReportingDescriptor {
  const docs = ruleDocumentation(rule);
  return {
    id: rule.id,
    shortDescription: { text: docs.shortDescription },
    fullDescription: { text: docs.fullDescription },
    help: { text: docs.help },
    defaultConfiguration: { level: sarifLevel(rule.defaultSeverity) },
  };
}

function toResult(
  message: ReportMessage,
  ruleIndex: number,
  artifact: Sarif.ArtifactLocation,
  fingerprintValue: string,
  cwd: string,
): Sarif.Result {
  const relatedLocations: Sarif.Location[] = message.related.map((related, index) => ({
    id: index + 1,
    physicalLocation: { artifactLocation: artifactLocation(related.filePath, cwd), region: region(related) },
    message: { text: related.message },
  }));
  const result: Sarif.Result = {
    ruleId: message.ruleId,
    ruleIndex,
    level: sarifLevel(message.level),
    message: { text: messageText(message) },
    locations: [{ physicalLocation: { artifactLocation: artifact, region: region(message) } }],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprintValue },
  };
  if (relatedLocations.length > 0) result.relatedLocations = relatedLocations;
  if (message.fix && message.fixLocation) {
    const replacement: Sarif.Replacement = { deletedRegion: region(message.fixLocation) };
    if (message.fix.text !== '') replacement.insertedContent = { text: message.fix.text };
    result.fixes = [
      {
        description: { text: message.fixLocation.title },
        artifactChanges: [{ artifactLocation: artifact, replacements: [replacement] }],
      },
    ];
  }
  return result;
}

function region(span: ReportRegion): Sarif.Region {
  return { startLine: span.line, startColumn: span.column, endLine: span.endLine, endColumn: span.endColumn };
}

/**
 * The message, then a link to each related location. Text that would read
 * as a link (`[x](1)`) is escaped, as SARIF requires, so a quoted draft can
 * never point a reader at the wrong location.
 */
function messageText(message: ReportMessage): string {
  const text = escapeLinkSyntax(message.message);
  if (message.related.length === 0) return text;
  const links = message.related.map((related, index) => `[${escapeLinkText(related.message)}](${index + 1})`);
  const sentence = text.endsWith('.') || text.endsWith(':') ? text : `${text}.`;
  return `${sentence} See ${links.join(', ')}.`;
}

/** Escapes the brackets of anything shaped like an embedded link, and the backslashes before them. */
function escapeLinkSyntax(text: string): string {
  return text.replace(/\[([^\]]*)\]\(/g, (_, inner: string) => `\\[${inner.replace(/[\\[\]]/g, '\\$&')}\\](`);
}

/** Inside link text, brackets and backslashes are always escaped. */
function escapeLinkText(text: string): string {
  return text.replace(/[\\[\]]/g, '\\$&');
}

function fingerprint(identity: string, occurrence: number): string {
  return createHash('sha256').update(`${identity}\u0000${occurrence}`, 'utf8').digest('hex');
}

/**
 * Percent-encodes each segment so that spaces, `#`, `%` and `?` in file names
 * stay part of the path. A colon is encoded too: in a first segment it would
 * read as a URI scheme.
 */
function encodeRelativePath(relative: string): string {
  return relative.split('/').map(encodeURIComponent).join('/');
}

/** `originalUriBaseIds` values must end with a slash to be resolved against as a directory. */
function directoryUri(directory: string): string {
  const href = pathToFileURL(directory).href;
  return href.endsWith('/') ? href : `${href}/`;
}
