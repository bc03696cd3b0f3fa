/**
 * Where a conclusion fails (issue 24 item 1): the sampled worlds over the two assumptions that matter most for one
 * headline difference, each world a dot that is hollow where the difference keeps the direction it has in the
 * scenario as written and filled where it does not, with the PRIM box drawn as a rectangle. The two assumptions are
 * the box's limits when there is a box (ordered by first-order index), then the largest first-order indices. The
 * workbench draws the spec with Plot (src/app/charts/robustnessChart.ts), report.html as SVG
 * (src/evidence/charts/robustnessChart.ts), so both say the same.
 */
import {
  failureRegion,
  holdsInWorld,
  metricName,
  num,
  type BoxLimit,
  type LabelContext,
  type RobustMetric,
  type RobustnessResult,
} from '../../analysis/index.ts';
import { CATALOGUE, UNIT_NAMES, type UnitId } from '../../scenario/catalogue.ts';
import type { FieldPath } from '../../scenario/fieldPath.ts';
import { sensitivityParamName } from '../views/sensitivityView.ts';
import type { Bilingual } from './chartSpec.ts';

/** Worlds where the direction holds (Okabe–Ito blue) and where it fails (vermilion). */
export const HOLDS_COLOUR = '#0072B2';
export const FAILS_COLOUR = '#D55E00';

/** What the chart reads of a robustness result (a `RobustnessResult`, or a pack's file read defensively). */
export type RobustnessChartInput = Pick<RobustnessResult, 'worlds' | 'params' | 'samples'> & {
  metrics: readonly Pick<
    RobustMetric,
    'metric' | 'verdict' | 'holds' | 'direction' | 'worldDifferences' | 'box' | 'firstOrder'
  >[];
};

/** One axis: the assumption, its name and unit in both languages, its range as drawn and its first-order index. */
export interface RobustnessAxis {
  param: string;
  label: Bilingual;
  /** The assumption's sampled range, in the drawn unit. */
  domain: [number, number];
  /** Drawn value per sampled value (100 for a commission rate drawn in %). */
  factor: number;
  firstOrder: number;
}

/** One world: its index, its values of the two assumptions (drawn unit), and whether the direction holds there. */
export interface RobustnessDot {
  world: number;
  x: number;
  y: number;
  holds: boolean;
}

/** The PRIM box on the two axes (a side the box leaves open reaches the end of the range). */
export interface RobustnessBoxRect {
  x: [number, number];
  y: [number, number];
  worlds: number;
  failures: number;
  coverage: number;
  /** The box's limits on assumptions not on the axes (the rectangle cannot show them). */
  others: BoxLimit[];
}

/** The chart of where one difference fails. */
export interface RobustnessChartSpec {
  metric: string;
  title: Bilingual;
  x: RobustnessAxis;
  y: RobustnessAxis;
  dots: RobustnessDot[];
  box: RobustnessBoxRect | null;
  legend: { holds: Bilingual; fails: Bilingual; box: Bilingual };
  caption: Bilingual;
}

const LEGEND = {
  holds: { zh: '方向保持', en: 'direction holds' },
  fails: { zh: '方向不成立', en: 'direction fails' },
  box: { zh: '不成立集中的区域', en: 'PRIM box' },
};

/** Units not written on an axis: a share, a probability or a factor reads as a bare number. */
const SILENT: ReadonlySet<UnitId> = new Set([
  'share',
  'probability',
  'percentile',
  'weights',
  'dayIndex',
  'perHour',
  'perDay',
  'factor',
]);

const pct = (x: number) => `${num(x * 100, 0)}%`;

/** The catalogue's unit of a path, or of the distribution or table it is a part of. */
function unitOf(path: string): UnitId | null {
  const own = Object.hasOwn(CATALOGUE, path) ? CATALOGUE[path as FieldPath].unit : undefined;
  if (own !== undefined) return own;
  const parent = path.slice(0, path.lastIndexOf('.'));
  return Object.hasOwn(CATALOGUE, parent) ? CATALOGUE[parent as FieldPath].unit : null;
}

/** An axis title: the parameter's name, then its unit ("平台抽成比例，%", "Comfort speed (mean), km/h"). */
export function axisLabel(path: string): Bilingual {
  const name = sensitivityParamName(path);
  if (path === 'rules.pay.commissionRate') return { zh: `${name.zh}，%`, en: `${name.en}, %` };
  const unit = unitOf(path);
  const words = unit && !SILENT.has(unit) ? UNIT_NAMES[unit] : null;
  return words ? { zh: `${name.zh}，${words.zh}`, en: `${name.en}, ${words.en}` } : name;
}

/** The differences charted by default: those whose verdict is not "holds" and that fail in some world. */
export function chartedMetrics(r: RobustnessChartInput): string[] {
  return r.metrics.filter((m) => m.verdict !== 'holds' && m.holds < r.worlds).map((m) => m.metric);
}

/** The differences with at least one world where the direction fails (those a reader may pick). */
export function failingMetrics(r: RobustnessChartInput): string[] {
  return r.metrics.filter((m) => m.holds < r.worlds).map((m) => m.metric);
}

/** The two assumptions of a difference's chart, as column indices: the box's limits first, then first-order. */
function axesOf(r: RobustnessChartInput, m: RobustnessChartInput['metrics'][number]): [number, number] | null {
  const paths = r.params.map((p) => p.path);
  const index = (p: string) => m.firstOrder.find((f) => f.param === p)?.index ?? 0;
  const byIndex = (a: string, b: string) => index(b) - index(a) || paths.indexOf(a) - paths.indexOf(b);
  const boxed = (m.box?.limits ?? []).map((l) => l.param).filter((p) => paths.includes(p));
  const ranked = [...paths].sort(byIndex);
  const order = [...new Set([...[...boxed].sort(byIndex), ...ranked])];
  if (order.length < 2) return null;
  return [paths.indexOf(order[0] as string), paths.indexOf(order[1] as string)];
}

/** The axis of column j. */
function axisOf(r: RobustnessChartInput, m: RobustnessChartInput['metrics'][number], j: number): RobustnessAxis {
  const p = r.params[j] as RobustnessChartInput['params'][number];
  const factor = p.path === 'rules.pay.commissionRate' ? 100 : 1;
  return {
    param: p.path,
    label: axisLabel(p.path),
    domain: [p.low * factor, p.high * factor],
    factor,
    firstOrder: m.firstOrder.find((f) => f.param === p.path)?.index ?? 0,
  };
}

/**
 * The chart of `metric`, or null when the result cannot draw it (no such difference, fewer than two assumptions, or
 * per-world data that does not match the worlds).
 */
export function robustnessChartSpec(
  r: RobustnessChartInput,
  metric: string,
  context: Partial<LabelContext> = {},
): RobustnessChartSpec | null {
  const m = r.metrics.find((x) => x.metric === metric);
  if (!m || m.worldDifferences.length !== r.worlds || r.samples.length !== r.worlds) return null;
  const axes = axesOf(r, m);
  if (!axes) return null;
  const [jx, jy] = axes;
  const x = axisOf(r, m, jx);
  const y = axisOf(r, m, jy);
  const dots = r.samples.map((row, world) => ({
    world,
    x: (row[jx] as number) * x.factor,
    y: (row[jy] as number) * y.factor,
    holds: holdsInWorld(m.direction, m.worldDifferences[world] ?? null),
  }));
  const limits = m.box?.limits ?? [];
  const side = (axis: RobustnessAxis): [number, number] => {
    const l = limits.find((b) => b.param === axis.param);
    return [
      l?.low != null ? l.low * axis.factor : axis.domain[0],
      l?.high != null ? l.high * axis.factor : axis.domain[1],
    ];
  };
  const box =
    m.box && limits.length > 0
      ? {
          x: side(x),
          y: side(y),
          worlds: m.box.worlds,
          failures: m.box.failures,
          coverage: m.box.coverage,
          others: limits.filter((l) => l.param !== x.param && l.param !== y.param),
        }
      : null;
  const name = metricName(metric, context);
  return {
    metric,
    title: { zh: `结论在哪些世界不成立：${name.zh}`, en: `Where the conclusion fails: ${name.en}` },
    x,
    y,
    dots,
    box,
    legend: LEGEND,
    caption: captionOf(r.worlds, m, box, x, y),
  };
}

/** The caption: what a dot is, what the rectangle holds (or why there is none), and what it cannot show. */
function captionOf(
  worlds: number,
  m: RobustnessChartInput['metrics'][number],
  box: RobustnessBoxRect | null,
  x: RobustnessAxis,
  y: RobustnessAxis,
): Bilingual {
  const fails = worlds - m.holds;
  const dots = {
    zh: `每个点是抽到的 ${worlds} 个可能世界之一，位置是这个世界里两个假设的取值；实心点是这一差别的方向与本情景不同的世界（${fails} 个），空心点是方向保持的世界。`,
    en: `Each dot is one of the ${worlds} plausible worlds drawn, placed at its values of the two assumptions; filled dots are the ${fails} worlds where the difference loses the direction it has in the scenario as written, hollow dots those where it keeps it.`,
  };
  let where: Bilingual;
  if (box) {
    where = {
      zh: `方框是自动找出的、不成立的世界集中的区域：框内 ${box.worlds} 个世界中有 ${box.failures} 个不成立，占全部不成立世界的 ${pct(box.coverage)}。`,
      en: `The rectangle is the region PRIM found: ${box.failures} of the ${box.worlds} worlds inside it fail, ${pct(box.coverage)} of all the worlds where it fails.`,
    };
    const other =
      box.others.length > 0 ? failureRegion({ box: { ...m.box, limits: box.others } } as RobustMetric) : null;
    if (other) {
      where = {
        zh: `${where.zh}方框还要求${other.zh}，图上看不出这一条件，所以框内也有不满足它的世界。`,
        en: `${where.en} The box also requires that ${other.en}, which the chart cannot show, so some worlds inside the rectangle lie outside the box.`,
      };
    }
  } else {
    const fo = {
      zh: `一阶指数 ${pct(x.firstOrder)} 与 ${pct(y.firstOrder)}`,
      en: `${pct(x.firstOrder)} and ${pct(y.firstOrder)}`,
    };
    where = {
      zh: `没有一个方框能圈住大部分不成立的世界；两个坐标轴是解释这一差别在各世界间变化最多的两个假设（${fo.zh}）。`,
      en: `No box holds most of the worlds where it fails; the axes are the two assumptions that explain most of the difference’s spread over the worlds (first-order indices ${fo.en}).`,
    };
  }
  return { zh: dots.zh + where.zh, en: `${dots.en} ${where.en}` };
}

/** The charts of a result: of `metric` when given, else of every difference charted by default. */
export function robustnessChartSpecs(
  r: RobustnessChartInput,
  context: Partial<LabelContext> = {},
  metric?: string,
): RobustnessChartSpec[] {
  const wanted = metric !== undefined ? [metric] : chartedMetrics(r);
  return wanted.flatMap((id) => robustnessChartSpec(r, id, context) ?? []);
}

/**
 * What is said instead of a chart when no difference is charted by default: that no world was found where any
 * difference fails, or that every conclusion holds and its few failing worlds are not drawn; null when there are charts.
 */
export function robustnessChartNote(r: RobustnessChartInput): Bilingual | null {
  if (chartedMetrics(r).length > 0) return null;
  if (failingMetrics(r).length === 0) {
    return {
      zh: `在抽到的 ${r.worlds} 个可能的世界里，没有找到任何一个主要差别方向不成立的世界，所以没有“结论在哪里不成立”的图。`,
      en: `No world was found, among the ${r.worlds} plausible worlds drawn, where any headline difference loses its direction, so there is no chart of where a conclusion fails.`,
    };
  }
  return {
    zh: '每个主要差别的结论都稳健，它们不成立的少数世界不画图。',
    en: 'Every headline conclusion holds; the few worlds where one fails are not charted.',
  };
}
