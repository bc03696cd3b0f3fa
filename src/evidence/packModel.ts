/**
 * Which model made a pack, read before anything else: a pack made by another model cannot be remade here, so
 * `verify` says so in one line instead of re-running it and listing every number that differs.
 */
import { strFromU8 } from 'fflate';
import { z } from 'zod';
import { FAIRPACE_VERSION, MODEL_DIGEST } from '../version.ts';
import { PACK_FORMAT } from './manifest.ts';

/** The fields of manifest.json that say who made a pack, in every pack layout (unknown keys are ignored here). */
const ManifestHead = z.object({
  format: z.literal(PACK_FORMAT),
  packVersion: z.number().int(),
  fairpaceVersion: z.string().min(1).max(100),
  modelDigest: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});

/** The model and version that made a pack of another model. */
export interface OtherModel {
  /** The pack's model fingerprint, or null for a pack made before packs recorded one (layout 1). */
  modelDigest: string | null;
  fairpaceVersion: string;
}

/** A version as printed: as it is when plain, else as a JSON string (so a hostile value cannot break the line). */
const printable = (text: string) => (/^[\x20-\x7e]+$/.test(text) ? text : JSON.stringify(text));

/**
 * The pack's model when it is not this Fairpace's model, from manifest.json's `modelDigest` (missing in packs of
 * layout 1, which predate it). Undefined when the models match, or when the manifest cannot be read this way (the
 * full checks then say what is wrong with it).
 */
export function otherModel(files: ReadonlyMap<string, Uint8Array>): OtherModel | undefined {
  const bytes = files.get('manifest.json');
  if (!bytes) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(strFromU8(bytes));
  } catch {
    return undefined;
  }
  const head = ManifestHead.safeParse(json);
  if (!head.success) return undefined;
  const { modelDigest, fairpaceVersion } = head.data;
  if (modelDigest === MODEL_DIGEST) return undefined;
  return { modelDigest: modelDigest ?? null, fairpaceVersion };
}

/** The one line that says a pack comes from another model: both fingerprints, and the version to install. */
export function otherModelLine(other: OtherModel): string {
  const version = printable(other.fairpaceVersion);
  const theirs =
    other.modelDigest === null
      ? `the pack has no model fingerprint (made by Fairpace ${version} before packs recorded one)`
      : `the pack's model fingerprint is ${other.modelDigest} (Fairpace ${version})`;
  // The same version number with another fingerprint: a development build whose model changed since the release.
  const todo =
    other.fairpaceVersion === FAIRPACE_VERSION && other.modelDigest !== null
      ? `the version is the same, so re-run and verify it with the build (commit) of Fairpace ${version} that has that fingerprint`
      : `install Fairpace ${version} to re-run and verify it`;
  return `made by another model: ${theirs}, this Fairpace's is ${MODEL_DIGEST} (Fairpace ${FAIRPACE_VERSION}); ${todo}`;
}
