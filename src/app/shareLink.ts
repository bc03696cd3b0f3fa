/**
 * A whole scenario in the address's hash: `#s=<version>.<base64url of the deflated canonical JSON>`. Opening such an
 * address restores the same validated scenario, or says why it cannot: too long, corrupted, a newer link or schema
 * version, or a scenario the schema refuses.
 */
import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate';
import { canonicalJson } from '../scenario/canonical.ts';
import { validateScenario, type Problem } from '../scenario/load.ts';
import { SCHEMA_VERSION, type Scenario } from '../scenario/schema.ts';

/** Version of the link format (the part before the dot). */
export const SHARE_VERSION = 1;
/** Longest hash the app writes or reads (64 KB). */
export const MAX_HASH_CHARS = 64 * 1024;
/** Most bytes a link may inflate to, so a small hash cannot expand into a huge string. */
export const MAX_SCENARIO_BYTES = 4 * 1024 * 1024;

const PREFIX = '#s=';

/** Why a link could not be made or opened. */
export type ShareProblem =
  | { kind: 'tooLong'; chars: number }
  | { kind: 'corrupted'; detail: string }
  | { kind: 'newerLink'; version: number }
  | { kind: 'newerSchema'; version: number }
  | { kind: 'invalid'; problems: Problem[] };

/** What reading a hash gives: nothing to read, a scenario, or a problem. */
export type ShareRead =
  { kind: 'none' } | { kind: 'ok'; scenario: Scenario } | { kind: 'problem'; problem: ShareProblem };

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('characters outside base64url');
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const binary = atob(padded);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** Inflates at most MAX_SCENARIO_BYTES; throws past that or on a damaged stream. */
function boundedInflate(data: Uint8Array): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > MAX_SCENARIO_BYTES) throw new Error(`it unpacks to more than ${MAX_SCENARIO_BYTES} bytes`);
    chunks.push(chunk);
  });
  inflater.push(data, true);
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** The hash (`#s=1.…`) that carries `scenario`, or the problem when it would be longer than MAX_HASH_CHARS. */
export function shareHash(scenario: Scenario): { hash: string } | { problem: ShareProblem } {
  const data = toBase64Url(deflateSync(strToU8(canonicalJson(scenario)), { level: 9 }));
  const hash = `${PREFIX}${SHARE_VERSION}.${data}`;
  if (hash.length > MAX_HASH_CHARS) return { problem: { kind: 'tooLong', chars: hash.length } };
  return { hash };
}

/** Reads an address hash (with or without its `#`): `none` when it carries no scenario. */
export function readShareHash(rawHash: string): ShareRead {
  const hash = rawHash.startsWith('#') ? rawHash : `#${rawHash}`;
  if (!hash.startsWith(PREFIX)) return { kind: 'none' };
  const problem = (p: ShareProblem): ShareRead => ({ kind: 'problem', problem: p });
  if (hash.length > MAX_HASH_CHARS) return problem({ kind: 'tooLong', chars: hash.length });
  const body = hash.slice(PREFIX.length);
  const dot = body.indexOf('.');
  const versionText = dot < 0 ? '' : body.slice(0, dot);
  if (!/^\d{1,6}$/.test(versionText)) return problem({ kind: 'corrupted', detail: 'no version number' });
  const version = Number(versionText);
  if (version > SHARE_VERSION) return problem({ kind: 'newerLink', version });
  if (version < 1) return problem({ kind: 'corrupted', detail: `unknown version ${version}` });
  let value: unknown;
  try {
    value = JSON.parse(strFromU8(boundedInflate(fromBase64Url(body.slice(dot + 1)))));
  } catch (e) {
    return problem({ kind: 'corrupted', detail: e instanceof Error ? e.message : String(e) });
  }
  const schemaVersion = (value as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof schemaVersion === 'number' && schemaVersion > SCHEMA_VERSION) {
    return problem({ kind: 'newerSchema', version: schemaVersion });
  }
  const loaded = validateScenario(value);
  if (!loaded.ok) return problem({ kind: 'invalid', problems: loaded.problems });
  return { kind: 'ok', scenario: loaded.scenario };
}
