/**
 * The zone of agreement read from each side of the table, in Chinese and English: the union's best cells among those
 * the platform accepts (highest pay per hour, lowest crash risk, and the union's own objective), the platform's best
 * cell among those the union accepts (highest margin), and the cells both accept. These are each side's positions,
 * not advice: the status quo or the strictest algorithm is never called a recommendation, and when a side's best cell
 * is today's rule the sentence says so.
 */
import { metricUnit, type Bi, type LabelContext } from './catalogue/index.ts';
import {
  joinBi,
  limitText,
  metricName,
  metricValue,
  midSentence,
  money,
  paramName,
  paramValue,
  POW10,
} from './bargainWords.ts';
import type { ZoneCell, ZoneResult } from './zone.ts';

/** Metrics the union's extra picks rank by (in the zone's cells since they carry them). */
const PAY = 'earnings.netPerOnlineHour.mean';
const RISK = 'safety.relativeCrashRisk';

/** The cells each side prefers, by index into `cells`. */
export interface ZoneSides {
  /** Among cells the platform accepts: highest pay per online hour, lowest crash risk, best for the union objective. */
  union: { pay: number | null; risk: number | null; objective: number | null };
  /** Among cells the union accepts: highest platform margin. */
  platform: number | null;
  /** Cells both accept, in grid order. */
  agreed: number[];
  /** Today's rule, when it is on the grid. */
  current: number | null;
}

const meanOf = (c: ZoneCell, m: string) => c.metrics[m]?.mean ?? Number.NaN;

/** A cell's metric at the precision it is shown with, so that cells that read the same tie. */
function shownMean(c: ZoneCell, m: string): number {
  const u = metricUnit(m);
  return Math.round(meanOf(c, m) * u.scale * (POW10[u.digits] ?? 1));
}

/**
 * The index of the best accepted cell by `score` (higher is better), or null. Ties go to the higher pay per hour, then
 * to the first in grid order, so a score every cell shares (100% below the minimum wage everywhere) does not name
 * the grid's first cell, often the strictest algorithm, as anyone's best.
 */
function best(cells: readonly ZoneCell[], accept: (c: ZoneCell) => boolean, score: (c: ZoneCell) => number) {
  let found: number | null = null;
  let top = Number.NEGATIVE_INFINITY;
  let topPay = Number.NEGATIVE_INFINITY;
  cells.forEach((c, i) => {
    const s = score(c);
    const pay = meanOf(c, PAY);
    if (!accept(c) || Number.isNaN(s)) return;
    if (found === null || s > top || (s === top && pay > topPay)) {
      found = i;
      top = s;
      topPay = pay;
    }
  });
  return found;
}

/** Each side's preferred cells; see the module comment. */
export function zoneSides(r: ZoneResult): ZoneSides {
  const { metric, better } = r.unionObjective;
  const platformAccepts = (c: ZoneCell) => c.platformHolds;
  return {
    union: {
      pay: best(r.cells, platformAccepts, (c) => shownMean(c, PAY)),
      risk: best(r.cells, platformAccepts, (c) => -shownMean(c, RISK)),
      objective: best(r.cells, platformAccepts, (c) => (better === 'lower' ? -1 : 1) * shownMean(c, metric)),
    },
    platform: r.cheapestForPlatform ? r.cheapestForPlatform.index : null,
    agreed: r.cells.flatMap((c, i) => (c.agreed ? [i] : [])),
    current: r.current.index,
  };
}

/** The sentences of a zone. */
export interface ZoneSentences {
  /** How many cells both sides accept, and which. */
  agreed: Bi;
  /** The union's best cells within the platform's limits. */
  union: Bi;
  /** The platform's best cell within the union's limits. */
  platform: Bi;
  /** Where today's rule stands, when it is on the grid. */
  current?: Bi;
  /** That these are positions, not advice. */
  note: Bi;
}

/** A cell by its two values: "配送时限百分位 50（算法取中）、每单基础配送费 8.50 元". */
export function cellText(r: ZoneResult, index: number): Bi {
  const c = r.cells[index];
  if (!c) return { zh: '–', en: '–' };
  const x = paramName(r.x.param);
  const y = paramName(r.y.param);
  const xv = paramValue(r.x.param, c.x);
  const yv = paramValue(r.y.param, c.y);
  return {
    zh: `${x.zh} ${xv.zh}、${y.zh} ${yv.zh}`,
    en: `${midSentence(x.en)} ${xv.en}, ${midSentence(y.en)} ${yv.en}`,
  };
}

/** Most agreed cells listed by name; the rest are counted. */
const LISTED = 6;

/** The sentences of `r`, thresholds in metric names filled from `context`. */
export function zoneSentences(r: ZoneResult, context: Partial<LabelContext> = {}): ZoneSentences {
  const sides = zoneSides(r);
  const total = r.cells.length;
  const isToday = (i: number | null) => i !== null && i === sides.current;
  const today = { zh: '（现行规则）', en: ' (today’s rule)' };
  const named = (i: number) => {
    const c = cellText(r, i);
    return isToday(i) ? { zh: `${c.zh}${today.zh}`, en: `${c.en}${today.en}` } : c;
  };
  const listed = sides.agreed.slice(0, LISTED).map(named);
  const more = sides.agreed.length - listed.length;
  const agreed: Bi =
    sides.agreed.length === 0
      ? {
          zh: `${total} 个格子中，没有一个同时满足双方的底线。`,
          en: `None of the ${total} cells meets both sides’ limits.`,
        }
      : {
          zh:
            `${total} 个格子中，双方都接受的有 ${sides.agreed.length} 个：${joinBi(listed, true).zh}` +
            (more > 0 ? `，另有 ${more} 个。` : '。'),
          en:
            `${sides.agreed.length} of ${total} cells meet both sides’ limits: ${joinBi(listed, true).en}` +
            (more > 0 ? `, and ${more} more.` : '.'),
        };
  const platformLimits = joinBi(
    r.platformLimits.map((l) => limitText(l, context)),
    true,
  );
  const unionLimits = joinBi(
    r.unionLimits.map((l) => limitText(l, context)),
    true,
  );

  // The union's side: one clause per distinct best cell.
  const picks: { i: number; what: Bi }[] = [];
  const add = (i: number | null, what: (c: ZoneCell) => Bi) => {
    if (i === null) return;
    const c = r.cells[i] as ZoneCell;
    const prior = picks.find((p) => p.i === i);
    const w = what(c);
    if (prior) prior.what = joinBi([prior.what, w]);
    else picks.push({ i, what: w });
  };
  add(sides.union.pay, (c) => {
    const v = metricValue(PAY, meanOf(c, PAY));
    return { zh: `每在线小时净收入最高（${v.zh}）`, en: `the highest net pay per online hour (${v.en})` };
  });
  add(sides.union.risk, (c) => {
    const v = metricValue(RISK, meanOf(c, RISK));
    return { zh: `事故风险最低（${v.zh}）`, en: `the lowest crash risk (${v.en})` };
  });
  const objective = r.unionObjective;
  if (objective.metric !== PAY && objective.metric !== RISK) {
    add(sides.union.objective, (c) => {
      const n = metricName(objective.metric, context);
      const v = metricValue(objective.metric, meanOf(c, objective.metric));
      const best_ = objective.better === 'lower' ? { zh: '最低', en: 'the lowest' } : { zh: '最高', en: 'the highest' };
      const share = metricUnit(objective.metric).scale === 100 ? 'share of ' : '';
      return { zh: `${n.zh}${best_.zh}（${v.zh}）`, en: `${best_.en} ${share}${midSentence(n.en)} (${v.en})` };
    });
  }
  const within = (limits: Bi, zh: string, en: string): Bi =>
    limits.zh === '' ? { zh: '', en: '' } : { zh: `（在${zh}“${limits.zh}”之内）`, en: ` within ${en} (${limits.en})` };
  const platformWithin = within(platformLimits, '平台底线', 'the platform’s limits');
  const unionWithin = within(unionLimits, '工会底线', 'the union’s limits');
  const union: Bi =
    picks.length === 0
      ? {
          zh: `平台的底线在每个格子都不满足，工会一方在这张表里没有可选的格子。`,
          en: `The platform’s limits hold in no cell, so the union has no cell to choose on this grid.`,
        }
      : {
          zh: `工会一方的最佳格子${platformWithin.zh}：${picks.map((p) => `${named(p.i).zh}，${p.what.zh}`).join('；')}。`,
          en: `The union’s best cells${platformWithin.en}: ${picks.map((p) => `${named(p.i).en}, with ${p.what.en}`).join('; ')}.`,
        };

  let platform: Bi;
  if (sides.platform === null) {
    platform = {
      zh: `工会的底线在每个格子都不满足，平台一方在这张表里没有可选的格子。`,
      en: `The union’s limits hold in no cell, so the platform has no cell to choose on this grid.`,
    };
  } else {
    const c = r.cells[sides.platform] as ZoneCell;
    const margin = meanOf(c, 'platform.margin');
    const m = money(margin);
    const marginText = !Number.isFinite(margin)
      ? { zh: '', en: '' }
      : margin < 0
        ? { zh: `，每天亏损约 ${m.zh}`, en: `, with a loss of about ${m.en} a day` }
        : { zh: `，每天利润约 ${m.zh}`, en: `, with a margin of about ${m.en} a day` };
    platform = {
      zh: `平台一方的最佳格子${unionWithin.zh}是平台利润最高的：${named(sides.platform).zh}${marginText.zh}。`,
      en: `The platform’s best cell${unionWithin.en}, where its margin is highest: ${named(sides.platform).en}${marginText.en}.`,
    };
    if (isToday(sides.platform)) {
      platform = {
        zh: `${platform.zh}这就是现行规则：是平台不让步时的立场，不是建议。`,
        en: `${platform.en} That is today’s rule: the platform’s position if it concedes nothing, not a recommendation.`,
      };
    }
  }

  const out: ZoneSentences = {
    agreed,
    union,
    platform,
    note: {
      zh: '以上是双方各自的立场，不是本工具的建议；选哪个格子由谈判决定。',
      en: 'These are each side’s positions, not advice from this tool; which cell to settle on is for the negotiation.',
    },
  };
  if (sides.current !== null) {
    const c = r.cells[sides.current] as ZoneCell;
    const holds = (ok: boolean, who: Bi): Bi =>
      ok
        ? { zh: `满足${who.zh}的底线`, en: `meets ${who.en}’s limits` }
        : { zh: `不满足${who.zh}的底线`, en: `fails ${who.en}’s limits` };
    const u = holds(c.unionHolds, { zh: '工会', en: 'the union' });
    const p = holds(c.platformHolds, { zh: '平台', en: 'the platform' });
    const both = !c.unionHolds && !c.platformHolds;
    out.current = {
      zh: `★ 现行规则是${cellText(r, sides.current).zh}：${both ? '既不满足工会的底线，也不满足平台的底线' : `${u.zh}，${p.zh}`}。`,
      en: `★ Today’s rule is ${cellText(r, sides.current).en}: it ${u.en} and ${p.en}.`,
    };
  }
  return out;
}

/** Every sentence of a zone, in order, in one language (for the command line and tests). */
export function zoneParagraph(s: ZoneSentences, lang: 'zh' | 'en'): string {
  return [s.agreed, s.union, s.platform, s.current, s.note]
    .filter((b): b is Bi => b !== undefined)
    .map((b) => b[lang])
    .join(lang === 'zh' ? '' : ' ');
}
