/** The shape of a parameter's facts in the catalogue (../catalogue.ts): names, unit, hint, status and choices. */
import type { FieldPath } from '../fieldPath.ts';
// The schema's sections, not its entry (../schema.ts), which imports the catalogue to attach these facts.
import type { Scenario } from '../schema/scenario.ts';
import type { Weather } from '../schema/weather.ts';

/** A name (or any short text) in both languages. */
export interface FieldName {
  zh: string;
  en: string;
}

/** Units a field can have; the editor shows each as the message `unit.<id>` (words in UNIT_NAMES). */
export type UnitId =
  | 'cny'
  | 'cnyPerOrder'
  | 'cnyPerKm'
  | 'cnyPerHour'
  | 'cnyPerDay'
  | 'cnyPerMonth'
  | 'cnyPerMin'
  | 'km'
  | 'kmh'
  | 'min'
  | 'sec'
  | 'hours'
  | 'hourOfDay'
  | 'days'
  | 'dayIndex'
  | 'share'
  | 'probability'
  | 'percentile'
  | 'factor'
  | 'couriers'
  | 'restaurants'
  | 'orders'
  | 'ordersPerDay'
  | 'ordersPerCourierDay'
  | 'signalsPerKm'
  | 'secPerCny'
  | 'perHour'
  | 'crashesPerMillionKm'
  | 'replications'
  | 'weights'
  | 'perDay';

/**
 * A plausible range of a default, as factors of the scenario's value (0.8 and 1.2 for ±20%): what `fairpace
 * sensitivity` varies by default and robustness samples. `part` names the entry of a per-weather table the range is
 * for; `order` is the row's place in sensitivity's list (ties in its ranking keep this order).
 */
export interface ParameterRange {
  part?: Weather;
  low: number;
  high: number;
  /** How the range was chosen, as sensitivity prints it ("±20%", "×0.5 to ×2 (poorly known)"). */
  basis: string;
  order: number;
}

/**
 * Where a default comes from (docs/model.md marks each): a published source; calibrated so that the presets'
 * status-quo arm lands inside the targets named (ids of scenarios/targets/*.json, or a figure docs/model.md names
 * that sets a parameter rather than describes an outcome); an assumption without a solid public source; or a
 * setting, the scenario's own choice (what to simulate, a rule left off, a scorecard threshold), which no source
 * could make right or wrong.
 */
export type ParameterStatus =
  | { kind: 'sourced'; source: string }
  | { kind: 'calibrated'; targets: readonly string[]; range?: ParameterRange }
  | { kind: 'assumption'; note?: string; range?: ParameterRange }
  | { kind: 'setting'; note?: string };

/** The kinds of status, in the order docs/model.md introduces them. */
export type StatusKind = ParameterStatus['kind'];

/** Everything the catalogue says about one editable field. */
export interface ParameterFacts {
  name: FieldName;
  unit: UnitId | null;
  /** How to fill the editor's input, where its form is compact or unusual. */
  hint?: FieldName;
  status: ParameterStatus;
  /** The names of an enum field's choices (of the enum inside a tuple such as the guarantee's basis). */
  options?: Readonly<Record<string, FieldName>>;
}

/** The value of a dotted path inside T. */
export type ValueAt<T, P extends string> = P extends `${infer H}.${infer R}`
  ? H extends keyof T
    ? ValueAt<T[H], R>
    : never
  : P extends keyof T
    ? T[P]
    : never;

type Literal<V> = V extends string ? (string extends V ? never : V) : never;

/** The choices of a value: an enum's members, or those of the enum field of an object (a tuple); never otherwise. */
export type ChoiceOf<V> = V extends readonly unknown[]
  ? never
  : V extends string
    ? Literal<V>
    : V extends object
      ? { [K in keyof V]-?: Literal<V[K]> }[keyof V]
      : never;

/** The choices of an editable field (`'rolling' | 'greedy' | …` for rules.dispatch.policy). */
export type ChoiceAt<P extends FieldPath> = ChoiceOf<ValueAt<Scenario, P>>;

/**
 * The facts a path must have: an enum field must name every choice, keyed by its enum, so a new choice without a
 * name fails the typecheck; other fields carry no choices.
 */
export type FactsOf<P extends FieldPath> = ParameterFacts &
  ([ChoiceAt<P>] extends [never] ? { options?: never } : { options: Readonly<Record<ChoiceAt<P>, FieldName>> });
