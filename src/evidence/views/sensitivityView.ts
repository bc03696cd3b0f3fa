/**
 * A sensitivity result as the workbench's tornado panel and report.html both say it: the parameters that move the
 * headline differences most, in the result's order (by score, as `fairpace sensitivity` ranks them), each named as
 * the editor names it with the range it was varied over and its score to two decimals, and the parameters that flip
 * the direction of a conclusion. One function for both, so the ranking, the names and the rounding agree.
 */
import { lookupMetric, metricLabels, midSentence, paramValue, type LabelContext } from '../../analysis/index.ts';
import { CATALOGUE, UNIT_NAMES, type UnitId } from '../../scenario/catalogue.ts';
import type { FieldPath } from '../../scenario/fieldPath.ts';
import { fixed } from '../format.ts';
import type { Term } from '../glossary.ts';
import { paramName } from '../report/paramCells.ts';

/** What the ranking reads of a sensitivity result (a `SensitivityResult`, or a pack's file read defensively). */
export interface SensitivityLike {
  params: readonly {
    path: string;
    score: number;
    low?: number;
    high?: number;
    flips: readonly { metric: string; at: 'low' | 'high' }[];
  }[];
}

/** One ranked parameter. */
export interface RankedParam {
  path: string;
  /** 1 for the parameter with the largest effect. */
  rank: number;
  name: Term;
  /** The range it was varied over, with its unit ('' when the result does not say). */
  range: Term;
  /** Its score, to two decimals. */
  score: string;
}

/** How many parameters the ranking lists. */
export const RANKING_LENGTH = 5;

/**
 * A parameter's name as the editor gives it, a part of a distribution or a table in brackets ("舒适车速（平均）",
 * "Comfort speed (mean)"), or its path when it has none.
 */
export function sensitivityParamName(path: string): Term {
  const name = paramName(path);
  if (!name) return { zh: path, en: path };
  return { zh: name.zh.replace(/^(.+)：(.+)$/, '$1（$2）'), en: name.en.replace(/^(.+): (.+)$/, '$1 ($2)') };
}

/** Units not written after a range: a share, a percentile or a rate per hour or day reads better without. */
const SILENT_UNITS: ReadonlySet<UnitId> = new Set([
  'share',
  'probability',
  'percentile',
  'weights',
  'dayIndex',
  'perHour',
  'perDay',
]);

/** The catalogue's unit of a path, or of the distribution or table it is a part of. */
function unitOf(path: string): UnitId | null {
  const own = Object.hasOwn(CATALOGUE, path) ? CATALOGUE[path as FieldPath].unit : undefined;
  if (own !== undefined) return own;
  const parent = path.slice(0, path.lastIndexOf('.'));
  return Object.hasOwn(CATALOGUE, parent) ? CATALOGUE[parent as FieldPath].unit : null;
}

/** "16 至 24 公里/小时" / "16 to 24 km/h": the values as the bargaining sentences write them, the unit once. */
function rangeText(path: string, low: number | undefined, high: number | undefined): Term {
  if (low === undefined || high === undefined || !Number.isFinite(low) || !Number.isFinite(high)) {
    return { zh: '', en: '' };
  }
  const a = paramValue(path, low);
  const b = paramValue(path, high);
  const unit = unitOf(path);
  // paramValue writes the unit of the parameters the panels move itself; a bare number takes the catalogue's.
  const bare = /^[\u2212\d.,]+$/.test(b.zh);
  const words = bare && unit && !SILENT_UNITS.has(unit) ? UNIT_NAMES[unit] : null;
  // "0.8 至 1.2 倍", but "0.8 to 1.2" rather than "0.8 to 1.2 ×".
  const en = words && unit !== 'factor' ? ` ${words.en}` : '';
  return { zh: `${a.zh} 至 ${b.zh}${words ? ` ${words.zh}` : ''}`, en: `${a.en} to ${b.en}${en}` };
}

/** The parameters with an effect (score above 0), largest first, at most `count`. */
export function sensitivityRanking(result: SensitivityLike, count = RANKING_LENGTH): RankedParam[] {
  return result.params
    .filter((p) => Number.isFinite(p.score) && p.score > 0)
    .slice(0, count)
    .map((p, i) => ({
      path: p.path,
      rank: i + 1,
      name: sensitivityParamName(p.path),
      range: rangeText(p.path, p.low, p.high),
      score: fixed(p.score, 2),
    }));
}

/** One line of the ranking: "舒适车速（平均）：在 16 至 24 公里/小时之间变动，得分 2.50". */
export function rankingLine(p: RankedParam): Term {
  if (p.range.zh === '') return { zh: `${p.name.zh}：得分 ${p.score}`, en: `${p.name.en}: score ${p.score}` };
  // A space between a number and a Chinese character, none between Chinese characters.
  const gap = /[\d%]$/.test(p.range.zh) ? ' ' : '';
  return {
    zh: `${p.name.zh}：在 ${p.range.zh}${gap}之间变动，得分 ${p.score}`,
    en: `${p.name.en}, varied from ${p.range.en}: score ${p.score}`,
  };
}

/** The sentence before the ranking, and what a score means. */
export const RANKING_INTRO: Term = {
  zh: '对两个方案之差影响最大的假设参数，按得分从大到小：',
  en: 'The assumptions that move the difference between the two arms most, by score:',
};

export const SCORE_NOTE: Term = {
  zh: '得分：参数取低值或高值时，各项主要差值中移动最多的那一项移动了多少，以该差值本身的大小（平均值加区间半宽）为一个单位。得分 1 表示这个参数能把差值移动一个差值那么多。',
  en: 'Score: how far the parameter’s low or high value moves the headline difference it moves most, in units of that difference’s own size (its mean plus half its interval). A score of 1 means it can move the difference by as much as the difference itself.',
};

/** The parameters whose range flips the direction of a conclusion whose interval excludes zero, in a sentence. */
export function sensitivityFlips(result: SensitivityLike, context: Partial<LabelContext> = {}): Term {
  const flips = result.params.flatMap((p) =>
    p.flips.map((f) => {
      const n = sensitivityParamName(p.path);
      const m = lookupMetric(f.metric) ? metricLabels(f.metric, context) : { zh: f.metric, en: f.metric };
      const low = f.at === 'low';
      return {
        zh: `${n.zh}取${low ? '低' : '高'}值时，“${m.zh}”的方向翻转`,
        en: `${midSentence(n.en)} at its ${low ? 'low' : 'high'} value flips ${midSentence(m.en)}`,
      };
    }),
  );
  if (flips.length === 0) {
    return {
      zh: '没有参数在其范围内翻转任何有把握的结论方向。',
      en: 'No parameter flips the direction of a conclusion whose interval excludes zero.',
    };
  }
  return {
    zh: `会翻转结论方向的参数：${flips.map((f) => f.zh).join('；')}。`,
    en: `Parameters that flip the direction of a conclusion: ${flips.map((f) => f.en).join('; ')}.`,
  };
}
