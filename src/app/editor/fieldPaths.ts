/**
 * The editable paths of a scenario as types, derived from the schema's output type, and what the editor needs to know
 * per path: its group, and its unit and hint as the parameter catalogue (src/scenario/catalogue.ts) gives them. The
 * catalogue is keyed by these types, so it fails the typecheck when the schema gains a field that nobody labelled.
 */

export type { FieldPath, RulePath } from '../../scenario/fieldPath.ts';
import { CATALOGUE, FIELD_PATHS, HINTS, type HintedField, type UnitId } from '../../scenario/catalogue.ts';
import type { FieldPath } from '../../scenario/fieldPath.ts';

/** The editor's collapsible groups, in the order shown. */
export const GROUPS = [
  'meta',
  'time',
  'city',
  'demand',
  'weather',
  'population',
  'behaviour',
  'rules',
  'standards',
  'risk',
  'compliance',
  'run',
] as const;
export type GroupId = (typeof GROUPS)[number];

/** The group of a field: its section, with holidays under weather and the run settings together. */
export function groupOf(path: string): GroupId {
  const head = path.split('.')[0] ?? '';
  if (head === 'holidays') return 'weather';
  if (head === 'replications' || head === 'seed') return 'run';
  return (GROUPS as readonly string[]).includes(head) ? (head as GroupId) : 'run';
}

export type { UnitId } from '../../scenario/catalogue.ts';

/** The unit of every field (null: a name, a choice or a plain number), from the parameter catalogue. */
export const FIELD_UNITS: Readonly<Record<FieldPath, UnitId | null>> = Object.fromEntries(
  FIELD_PATHS.map((path) => [path, CATALOGUE[path].unit]),
) as Record<FieldPath, UnitId | null>;

/** Nullable fields whose empty value means "chosen by the model" (explained by their hint), not "none". */
export const NULL_MEANS_AUTOMATIC: ReadonlySet<FieldPath> = new Set<FieldPath>(['rules.dispatch.bundleMax']);

export type { HintedField } from '../../scenario/catalogue.ts';

/** Fields with a compact or unusual editor, each explained by a hint (`hint.<path>`, written in the catalogue). */
export const HINTED_FIELDS = Object.keys(HINTS) as readonly HintedField[];
