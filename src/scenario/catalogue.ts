/**
 * The parameter catalogue: every editable scenario field's facts, once. Its name in Chinese and English, its unit, the
 * hint of its input, the names of its choices, and where its default comes from (sourced, calibrated, an assumption
 * with a plausible range, or the scenario's own setting; docs/model.md says the same, and a test holds the two
 * together). Keyed by FieldPath, so a schema field without its facts fails the typecheck. The editor's labels, units
 * and hints, report.html's parameter and rule names, and sensitivity's default ranges are all read from here; the
 * facts are attached to the schema's nodes (attachFacts), so the generated JSON Schema carries them too.
 */
import { z } from 'zod';
import { COURIER_FACTS } from './catalogue/couriers.ts';
import { DISPATCH_RULE_FACTS } from './catalogue/dispatchRules.ts';
import type { FactsOf, FieldName, ParameterFacts, ParameterStatus, UnitId } from './catalogue/facts.ts';
import { PAY_RULE_FACTS } from './catalogue/payRules.ts';
import { STANDARD_FACTS } from './catalogue/standards.ts';
import { WORLD_FACTS } from './catalogue/world.ts';
import type { FieldPath } from './fieldPath.ts';

export type {
  ChoiceAt,
  FactsOf,
  FieldName,
  ParameterFacts,
  ParameterRange,
  ParameterStatus,
  StatusKind,
  UnitId,
} from './catalogue/facts.ts';

const ENTRIES = { ...WORLD_FACTS, ...COURIER_FACTS, ...DISPATCH_RULE_FACTS, ...PAY_RULE_FACTS, ...STANDARD_FACTS };

/** Every editable field's facts. */
export const CATALOGUE: { readonly [P in FieldPath]: FactsOf<P> } = ENTRIES;

/** The fields whose input has a hint (a compact or unusual form). */
export type HintedField = {
  [P in keyof typeof ENTRIES]: (typeof ENTRIES)[P] extends { hint: FieldName } ? P : never;
}[keyof typeof ENTRIES];

/** The fields that are enums (or tuples holding one), each naming its choices. */
export type EnumField = {
  [P in keyof typeof ENTRIES]: (typeof ENTRIES)[P] extends { options: object } ? P : never;
}[keyof typeof ENTRIES];

/** The words of each unit. */
export const UNIT_NAMES: Readonly<Record<UnitId, FieldName>> = {
  perDay: { zh: '/天', en: 'per day' },
  cny: { zh: '元', en: 'CNY' },
  cnyPerOrder: { zh: '元/单', en: 'CNY/order' },
  cnyPerKm: { zh: '元/公里', en: 'CNY/km' },
  cnyPerHour: { zh: '元/小时', en: 'CNY/h' },
  cnyPerDay: { zh: '元/天', en: 'CNY/day' },
  cnyPerMonth: { zh: '元/月', en: 'CNY/month' },
  cnyPerMin: { zh: '元/分钟', en: 'CNY/min' },
  km: { zh: '公里', en: 'km' },
  kmh: { zh: '公里/小时', en: 'km/h' },
  min: { zh: '分钟', en: 'min' },
  sec: { zh: '秒', en: 's' },
  hours: { zh: '小时', en: 'h' },
  hourOfDay: { zh: '点（0–24）', en: 'o’clock (0–24)' },
  days: { zh: '天', en: 'days' },
  dayIndex: { zh: '第几天（从 0 起）', en: 'day number (from 0)' },
  share: { zh: '比例（0–1）', en: 'share (0–1)' },
  probability: { zh: '概率（0–1）', en: 'probability (0–1)' },
  percentile: { zh: '0–100', en: '0–100' },
  factor: { zh: '倍', en: '×' },
  couriers: { zh: '人', en: 'couriers' },
  restaurants: { zh: '家', en: 'restaurants' },
  orders: { zh: '单', en: 'orders' },
  ordersPerDay: { zh: '单/天', en: 'orders/day' },
  ordersPerCourierDay: { zh: '单/人·天', en: 'orders/courier-day' },
  signalsPerKm: { zh: '个/公里', en: 'signals/km' },
  secPerCny: { zh: '秒/元', en: 's/CNY' },
  perHour: { zh: '/小时', en: '/h' },
  crashesPerMillionKm: { zh: '起/百万公里', en: 'crashes/million km' },
  replications: { zh: '次', en: 'runs' },
  weights: { zh: '相对权重', en: 'relative weights' },
};

/** The names of a boolean's two values. */
export const BOOLEAN_NAMES: Readonly<Record<'true' | 'false', FieldName>> = {
  true: { zh: '是', en: 'yes' },
  false: { zh: '否', en: 'no' },
};

/** Every field path of the catalogue, in the schema's order. */
export const FIELD_PATHS = Object.keys(CATALOGUE) as FieldPath[];

/** The hint of every field that has one. */
export const HINTS: Readonly<Record<HintedField, FieldName>> = Object.fromEntries(
  FIELD_PATHS.flatMap((path) => {
    const hint = CATALOGUE[path].hint;
    return hint ? [[path, hint]] : [];
  }),
) as Record<HintedField, FieldName>;

/** A default with a plausible range: the scenario path varied (`demand.weatherFactor.rain`), its range and why. */
export interface RangedParameter {
  path: string;
  /** Low and high as factors of the scenario's value. */
  lowFactor: number;
  highFactor: number;
  basis: string;
  status: 'assumption' | 'calibrated';
}

/**
 * Every default the catalogue gives a plausible range, in sensitivity's order: the assumptions, and the calibrated
 * defaults whose targets leave room (comfort speed, platform revenue). `fairpace sensitivity` varies these by default;
 * robustness samples them.
 */
export function rangedParameters(): RangedParameter[] {
  const out: (RangedParameter & { order: number })[] = [];
  for (const path of FIELD_PATHS) {
    const status: ParameterStatus = CATALOGUE[path].status;
    if ((status.kind !== 'assumption' && status.kind !== 'calibrated') || !status.range) continue;
    const r = status.range;
    out.push({
      path: r.part ? `${path}.${r.part}` : path,
      lowFactor: r.low,
      highFactor: r.high,
      basis: r.basis,
      status: status.kind,
      order: r.order,
    });
  }
  return out.sort((a, b) => a.order - b.order).map(({ order: _order, ...rest }) => rest);
}

/** A status in one English sentence, for the JSON Schema's `description`. */
export function statusSentence(status: ParameterStatus): string {
  switch (status.kind) {
    case 'sourced':
      return `Sourced: ${status.source}.`;
    case 'calibrated':
      return `Calibrated against ${status.targets.join(', ')}${status.range ? `; plausible range ${status.range.basis}` : ''}.`;
    case 'assumption':
      return `Assumption${status.note ? ` (${status.note})` : ''}${status.range ? `; plausible range ${status.range.basis}` : ''}.`;
    case 'setting':
      return `The scenario's own setting${status.note ? ` (${status.note})` : ''}.`;
  }
}

/** The JSON Schema keyword under which a field's facts are written. */
export const FACTS_KEYWORD = 'x-fairpace';

/** The node of a field inside an object schema, through defaults, prefaults, optionals and nullables. */
function nodeAt(schema: z.ZodType, path: string): z.ZodType | undefined {
  let node: z.ZodType | undefined = schema;
  for (const key of path.split('.')) {
    let inner: z.ZodType = node;
    while (
      inner instanceof z.ZodDefault ||
      inner instanceof z.ZodPrefault ||
      inner instanceof z.ZodOptional ||
      inner instanceof z.ZodNullable
    ) {
      inner = inner.unwrap() as z.ZodType;
    }
    if (!(inner instanceof z.ZodObject)) return undefined;
    node = (inner.shape as Record<string, z.ZodType>)[key];
    if (!node) return undefined;
  }
  return node;
}

/**
 * Registers every field's facts on its node of `scenario` in zod's global registry (what `.meta()` reads and
 * `z.toJSONSchema` writes): `title` the English name, `description` the status in a sentence, and the facts under
 * FACTS_KEYWORD. Throws when a catalogue path has no node, so the two cannot drift apart.
 */
export function attachFacts(scenario: z.ZodType): void {
  for (const path of FIELD_PATHS) {
    const node = nodeAt(scenario, path);
    if (!node) throw new Error(`catalogue path ${path} is not a field of the scenario schema`);
    const facts: ParameterFacts = CATALOGUE[path];
    z.globalRegistry.add(node, {
      ...z.globalRegistry.get(node),
      title: facts.name.en,
      description: statusSentence(facts.status),
      [FACTS_KEYWORD]: facts,
    });
  }
}
