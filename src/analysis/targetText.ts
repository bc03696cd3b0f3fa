/**
 * A target answer in sentences for both sides of the table, in Chinese and English: the value found and what it
 * achieves, what couriers gain and what the platform pays, and where the difference between the two goes, every
 * figure from the runs (TargetResult.platformCost.money). A direction is stated only when its 95% interval excludes
 * zero; otherwise the sentence says there is no clear change.
 */
import type { Bi, LabelContext } from './catalogue/index.ts';
import {
  joinBi,
  limitText,
  metricName,
  metricWithInterval,
  midSentence,
  money,
  moneyInterval,
  moneyRange,
  paramName,
  paramValue,
  theName,
  unclear,
} from './bargainWords.ts';
import type { MoneyChange, MoneyGapPart } from './targetMoney.ts';
import { MONEY_GAP_PARTS } from './targetMoney.ts';
import type { TargetResult } from './targetResult.ts';
import type { Difference } from './stats.ts';

/** The sentences of one target answer. */
export interface TargetSentences {
  /** The value found (or that none was), and what each target metric comes to there. */
  found: Bi;
  /** Couriers' gain and the platform's cost, CNY a day, when the current value was run too. */
  sides?: Bi;
  /** Where the difference between the two goes. */
  gap?: Bi;
  /** The search's caveat when feasibility switched back and forth. */
  caveat?: Bi;
}

/** The arm the answer is for, by name (never its id in Chinese prose). */
export interface TargetTextOptions {
  armName?: Bi;
  context?: Partial<LabelContext>;
}

/**
 * A side's change in its direction ("骑手每天多得约 1930 元（…）" / "… about 1,930 CNY more a day (…)"), or that there is
 * no clear change; `extra` goes first in the brackets (a per-courier figure).
 */
function sideText(d: Difference, words: { up: Bi; down: Bi; none: Bi }, extra?: Bi): Bi {
  const m = money(d.mean);
  const r = moneyRange(d.ci95);
  const clear = !unclear(d.ci95);
  const inner = {
    zh: [clear ? extra?.zh : undefined, r.zh].filter((x) => x).join('；'),
    en: [clear ? extra?.en : undefined, r.en].filter((x) => x).join('; '),
  };
  const i = inner.zh === '' ? { zh: '', en: '' } : { zh: `（${inner.zh}）`, en: ` (${inner.en})` };
  if (!clear) return { zh: `${words.none.zh}${i.zh}`, en: `${words.none.en}${i.en}` };
  const w = d.mean > 0 ? words.up : words.down;
  return { zh: `${w.zh}约 ${m.zh}${i.zh}`, en: w.en.replace('{amount}', `about ${m.en}`) + i.en };
}

const RECIPIENT: Record<MoneyChange['finesTo'], Bi> = {
  platform: { zh: '平台', en: 'the platform' },
  station: { zh: '配送站', en: 'the delivery station' },
  none: { zh: '配送以外的一方（如骑手基金）', en: 'a party outside the delivery (a fund)' },
};

/** One part of the difference in words, or undefined when it is zero in every replication. */
function partText(part: MoneyGapPart, d: Difference, money_: MoneyChange): Bi | undefined {
  if (d.mean === 0 && d.ci95[0] === 0 && d.ci95[1] === 0) return undefined;
  const m = money(d.mean);
  const more = d.mean > 0;
  const hedge = unclear(d.ci95)
    ? { zh: '（区间包含 0，方向未定）', en: ' (its interval includes zero)' }
    : { zh: '', en: '' };
  const to = RECIPIENT[money_.finesTo];
  const words: Record<MoneyGapPart, Bi> = {
    revenue: more
      ? {
          zh: `送达的订单少了，平台少收配送费和商家佣金约 ${m.zh}`,
          en: `with fewer orders delivered, the platform collects about ${m.en} less in delivery fees and merchants’ commission`,
        }
      : {
          zh: `送达的订单多了，平台多收配送费和商家佣金约 ${m.zh}`,
          en: `with more orders delivered, the platform collects about ${m.en} more in delivery fees and merchants’ commission`,
        },
    compensation: more
      ? {
          zh: `平台多付给顾客的超时赔付约 ${m.zh}`,
          en: `the platform pays customers about ${m.en} more compensation for late orders`,
        }
      : {
          zh: `平台少付给顾客的超时赔付约 ${m.zh}`,
          en: `the platform pays customers about ${m.en} less compensation for late orders`,
        },
    finesElsewhere: more
      ? { zh: `骑手多交给${to.zh}的罚款约 ${m.zh}`, en: `couriers pay about ${m.en} more in fines to ${to.en}` }
      : { zh: `骑手少交给${to.zh}的罚款约 ${m.zh}`, en: `couriers pay about ${m.en} less in fines to ${to.en}` },
    courierExpenses: more
      ? { zh: `骑手自己的骑行开支多了约 ${m.zh}`, en: `couriers spend about ${m.en} more on riding themselves` }
      : { zh: `骑手自己的骑行开支少了约 ${m.zh}`, en: `couriers spend about ${m.en} less on riding themselves` },
  };
  const w = words[part];
  return { zh: `${w.zh}${hedge.zh}`, en: `${w.en}${hedge.en}` };
}

/** The sentences of `result`; see the module comment. */
export function targetSentences(result: TargetResult, options: TargetTextOptions = {}): TargetSentences {
  const { context = {} } = options;
  const name = paramName(result.param);
  const nameEn = theName(name.en);
  const toward = result.direction === 'smallest' ? 'up' : 'down';
  const limits = joinBi(
    result.targets.map((t) => limitText(t, context)),
    true,
  );
  const arm = options.armName;
  const armZh = arm ? `在${arm.zh}下，` : '';
  const armEn = arm ? ` under ${midSentence(arm.en)}` : '';
  if (!result.reached || result.value === null) {
    const lo = paramValue(result.param, result.min);
    const hi = paramValue(result.param, result.max);
    return {
      found: {
        zh: `${armZh}${name.zh}在 ${lo.zh} 至 ${hi.zh} 之间没有任何取值能满足目标（${limits.zh}）。`,
        en: `No value of ${nameEn} from ${lo.en} to ${hi.en} meets the target${armEn} (${limits.en}).`,
      },
    };
  }
  const value = paramValue(result.param, result.value, toward);
  const cost = result.platformCost;
  const current = cost ? cost.currentValue : null;
  const achieved = joinBi(
    result.targets.map((t) => {
      const v = metricWithInterval(t.metric, t.achieved ?? Number.NaN, t.ci95);
      const n = metricName(t.metric, context);
      return { zh: `${n.zh}为 ${v.zh}`, en: `${midSentence(n.en)} to ${v.en}` };
    }),
    true,
  );
  let lead: Bi;
  if (current === null) {
    lead = { zh: `${armZh}把${name.zh}设为 ${value.zh}，`, en: `With ${nameEn} at ${value.en}${armEn}, ` };
  } else if (current === result.value) {
    const cur = paramValue(result.param, current);
    lead = { zh: `${armZh}${name.zh}按现行的 ${cur.zh}，`, en: `At today’s ${nameEn} of ${cur.en}${armEn}, ` };
  } else {
    const up = result.value > current;
    const cur = paramValue(result.param, current);
    lead = {
      zh: `${armZh}若把${name.zh}${up ? '提高' : '降低'}到 ${value.zh}（现行 ${cur.zh}），`,
      en: `${up ? 'Raising' : 'Lowering'} ${nameEn} to ${value.en} (today ${cur.en})${armEn} `,
    };
  }
  const found: Bi = {
    zh: `${lead.zh}${achieved.zh}，满足目标（${limits.zh}）。`,
    en:
      current !== null && current !== result.value
        ? `${lead.en}brings ${achieved.en}, which meets the target (${limits.en}).`
        : `${lead.en}${achieved.en.replace(/ to /, ' comes to ')}, which meets the target (${limits.en}).`,
  };
  const out: TargetSentences = { found };
  if (!result.monotone) {
    out.caveat = {
      zh: '注意：沿着这个参数，目标时而满足时而不满足，这个取值来自逐点扫描，不是二分查找。',
      en: 'Note: along this parameter the target holds and fails by turns, so this value comes from a scan of the range, not bisection.',
    };
  }
  const m = cost?.money;
  if (!cost || current === result.value) return out;
  if (!m) {
    // A result from a Fairpace before the ledger's parts were kept: the two figures it has, without the difference.
    const pay = sideText(cost.change.courierPay, {
      up: { zh: '平台付给骑手的报酬每天多', en: 'the platform pays couriers {amount} more a day' },
      down: { zh: '平台付给骑手的报酬每天少', en: 'the platform pays couriers {amount} less a day' },
      none: { zh: '平台付给骑手的报酬没有明显变化', en: 'what the platform pays couriers shows no clear change' },
    });
    const margin = sideText(cost.change.margin, {
      up: { zh: '平台每天的利润多', en: 'its margin rises by {amount} a day' },
      down: { zh: '平台每天的利润少', en: 'its margin falls by {amount} a day' },
      none: { zh: '平台的利润没有明显变化', en: 'its margin shows no clear change' },
    });
    out.sides = { zh: `这样，${pay.zh}，${margin.zh}。`, en: `Then ${pay.en}, and ${margin.en}.` };
    return out;
  }
  const perCourier =
    m.courierDaysPerDay > 0 && !unclear(m.couriersGain.ci95)
      ? {
          zh: `每名骑手约 ${money(m.couriersGain.mean / m.courierDaysPerDay).zh}`,
          en: `about ${money(m.couriersGain.mean / m.courierDaysPerDay).en} per courier`,
        }
      : undefined;
  const couriers = sideText(
    m.couriersGain,
    {
      up: { zh: '骑手每天多得', en: 'couriers take home {amount} more a day' },
      down: { zh: '骑手每天少得', en: 'couriers take home {amount} less a day' },
      none: { zh: '骑手每天的收入没有明显变化', en: 'couriers’ take-home pay shows no clear change' },
    },
    perCourier,
  );
  const platform = sideText(m.platformPays, {
    up: { zh: '平台每天多付', en: 'the platform pays {amount} more a day' },
    down: { zh: '平台每天少付', en: 'the platform pays {amount} less a day' },
    none: { zh: '平台每天的支出没有明显变化', en: 'the platform’s margin shows no clear change' },
  });
  out.sides = {
    zh: `这样，${couriers.zh}，${platform.zh}。`,
    en: `Then ${couriers.en}, and ${platform.en}.`,
  };
  const parts = MONEY_GAP_PARTS.flatMap((p) => {
    const t = partText(p, m.parts[p], m);
    return t ? [t] : [];
  });
  const gapI = moneyInterval(m.gap.ci95);
  const both = !unclear(m.couriersGain.ci95) && !unclear(m.platformPays.ci95);
  const sameWay = both && m.couriersGain.mean > 0 && m.platformPays.mean > 0;
  const sameSave = both && m.couriersGain.mean < 0 && m.platformPays.mean < 0;
  const list = joinBi(parts, true);
  const tail = parts.length > 0 ? { zh: `：${list.zh}`, en: `: ${list.en}` } : { zh: '', en: '' };
  const exchanged = {
    zh: '抽成和归平台的罚款只在骑手与平台之间转手，不造成差额。',
    en: 'Commission, and fines the platform keeps, only pass between couriers and the platform, so they make no difference.',
  };
  const fineNote =
    m.finesTo === 'platform'
      ? exchanged
      : {
          zh: '抽成只在骑手与平台之间转手，不造成差额。',
          en: 'Commission only passes between couriers and the platform, so it makes no difference.',
        };
  if (unclear(m.gap.ci95)) {
    out.gap = {
      zh: `两者之差约 ${money(m.gap.mean).zh}${gapI.zh}，区间包含 0，按已运行的重复次数看不出明显差额${tail.zh}。${fineNote.zh}`,
      en: `The two differ by about ${money(m.gap.mean).en}${gapI.en}; the interval includes zero, so the replications run show no clear difference${tail.en}. ${fineNote.en}`,
    };
  } else if (sameWay && m.gap.mean > 0) {
    out.gap = {
      zh: `平台多付的 ${money(m.platformPays.mean).zh}中，约 ${money(m.couriersGain.mean).zh}到了骑手手里，其余约 ${money(m.gap.mean).zh}${gapI.zh}是${tail.zh}。${fineNote.zh}`,
      en: `Of the ${money(m.platformPays.mean).en} the platform pays, about ${money(m.couriersGain.mean).en} reaches couriers; the other ${money(m.gap.mean).en}${gapI.en} is${tail.en}. ${fineNote.en}`,
    };
  } else if (sameSave && m.gap.mean < 0) {
    out.gap = {
      zh: `平台省下的 ${money(m.platformPays.mean).zh}中，约 ${money(m.couriersGain.mean).zh}来自骑手少得的收入，其余约 ${money(m.gap.mean).zh}${gapI.zh}来自${tail.zh}。${fineNote.zh}`,
      en: `Of the ${money(m.platformPays.mean).en} the platform saves, about ${money(m.couriersGain.mean).en} comes out of couriers’ pay; the other ${money(m.gap.mean).en}${gapI.en} comes from${tail.en}. ${fineNote.en}`,
    };
  } else {
    const pays = m.platformPays.mean >= 0;
    const gains = m.couriersGain.mean >= 0;
    out.gap = {
      zh: `平台${pays ? '多付' : '少付'}的钱与骑手${gains ? '多得' : '少得'}的钱相差约 ${money(m.gap.mean).zh}${gapI.zh}，差额来自${tail.zh}。${fineNote.zh}`,
      en: `What the platform ${pays ? 'pays more' : 'saves'} and what couriers ${gains ? 'gain' : 'lose'} differ by about ${money(m.gap.mean).en}${gapI.en}, from${tail.en}. ${fineNote.en}`,
    };
  }
  return out;
}

/** Every sentence of an answer, in order, in one language (for the command line and tests). */
export function targetParagraph(s: TargetSentences, lang: 'zh' | 'en'): string {
  return [s.found, s.sides, s.gap, s.caveat]
    .filter((b): b is Bi => b !== undefined)
    .map((b) => b[lang])
    .join(lang === 'zh' ? '' : ' ');
}

/** The money change of an answer, when it has one (for callers that show the figures beside the sentences). */
export function targetMoney(result: TargetResult): MoneyChange | undefined {
  return result.platformCost?.money;
}

/** The parts of the difference that are not zero in every replication, in order. */
export function gapParts(m: MoneyChange): MoneyGapPart[] {
  return MONEY_GAP_PARTS.filter(
    (p) => !(m.parts[p].mean === 0 && m.parts[p].ci95[0] === 0 && m.parts[p].ci95[1] === 0),
  );
}
