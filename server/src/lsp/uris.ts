/**
 * File URIs in one spelling. Editors percent-encode paths differently (VS
 * Code writes `%28` for `(`, Node's `pathToFileURL` and Neovim leave it), and
 * the engine identifies documents by uri string: two spellings of one file
 * would make a file repeat itself. Everything the server compares goes
 * through `canonicalUri` first; the spelling chosen is VS Code's.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** RFC 3986 unreserved characters stay as they are; VS Code encodes everything else. */
function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The canonical `file:` URI of an absolute path (either separator; drive letters lower-cased like VS Code). */
export function fileUri(absolutePath: string): string {
  let posix = absolutePath.replace(/\\/g, '/');
  const drive = /^([A-Za-z]):/.exec(posix);
  if (drive) posix = `/${drive[1]!.toLowerCase()}:${posix.slice(2)}`;
  return `file://${posix.split('/').map(encodeSegment).join('/')}`;
}

/** The file-system path of a `file:` URI, or undefined for other schemes and malformed URIs. */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    // Hosts in POSIX file URIs, bad escapes: not a file the server can read.
    return undefined;
  }
}

/** `uri` in the server's one spelling; non-file URIs (`untitled:`) are returned unchanged. */
export function canonicalUri(uri: string): string {
  const file = uriToPath(uri);
  return file === undefined ? uri : fileUri(file);
}

/** Whether canonical `uri` is `folder` itself or lies below it (both canonical). */
export function isUnder(uri: string, folder: string): boolean {
  const prefix = folder.endsWith('/') ? folder : `${folder}/`;
  return uri === folder || uri.startsWith(prefix);
}

/** A short, human name for a URI in messages: the file name, decoded. */
export function displayName(uri: string): string {
  const file = uriToPath(uri);
  if (file !== undefined) return path.basename(file);
  const last = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last) || uri;
  } catch {
    return last || uri;
  }
}
