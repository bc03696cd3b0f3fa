/**
 * The editable paths of a scenario as types, derived from the schema's output type. Read from the sections in
 * ./schema/, not from the entry ./schema.ts, which attaches the catalogue's facts: the catalogue is typed by these paths.
 */
import type { Rules } from './schema/rules.ts';
import type { Scenario } from './schema/scenario.ts';
import type { Weather } from './schema/weather.ts';

/** A value edited as a whole: scalars, arrays, nullable objects and per-weather tables. */
type IsLeaf<T> = null extends T
  ? true
  : [T] extends [readonly unknown[]]
    ? true
    : [T] extends [Record<Weather, number>]
      ? true
      : [T] extends [object]
        ? false
        : true;

/** Dotted paths to the leaves of T. */
type LeafPaths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: IsLeaf<T[K]> extends true ? `${Prefix}${K}` : LeafPaths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/**
 * Every field of the scenario editor (`rules.pay.base`); arms have their own table, fixed literals are not edited, and
 * a replay's kind and instance come from an import, not from typing.
 */
export type FieldPath = Exclude<LeafPaths<Scenario>, 'schemaVersion' | 'kind' | 'arms' | 'replay'>;

/** A rule's path inside `rules` (`pay.base`): the rows of the arms table. */
export type RulePath = LeafPaths<Rules>;
