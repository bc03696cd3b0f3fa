/**
 * report.html of a rider audit: one self-contained, printable page (inline CSS and SVG, no script, no external
 * resource) in Chinese and English, in the report shell it shares with the evidence pack (src/format/reportShell.ts).
 * It holds the figures, never a rider id: only counts, shares and distributions. Every text passes through the
 * escaping helpers.
 */
import { bi, blocks, inline, type Bi } from '../format/bilingual.ts';
import { escapeHtml } from '../format/escape.ts';
import { reportPage } from '../format/reportShell.ts';
import type { Figure } from './observed.ts';
import { droppedSentence, implausibleKindsTextZh } from './plausibility.ts';
import type { RiderAudit } from './riders.ts';

/** What the report says besides the audit. */
export interface AuditReportInput {
  audit: RiderAudit;
  /** Where the standards come from, in both languages. */
  standardsName: Bi;
  /** The records file's name and SHA-256 (and the online file's, when given). */
  files: { role: Bi; name: string; sha256: string }[];
  fairpaceVersion: string;
}

const AUDIT_CSS = `
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(46mm, 1fr)); gap: 10px; margin: 12px 0 6px; }
.card { border: 1px solid var(--rule); border-top: 4px solid var(--accent); padding: 8px 10px; }
.card.warn { border-top-color: var(--fail); }
.card .big { font-size: 24px; font-weight: 700; font-variant-numeric: tabular-nums; }
.card .sub { color: var(--muted); font-size: 12.5px; }
table.figures td:nth-child(2), table.figures td:nth-child(3), table.figures td:nth-child(4) { white-space: nowrap; }
`;

const num = (x: number, digits = 2) => {
  const f = digits === 1 ? 10 : 100;
  return Number.isFinite(x) ? String(Math.round(x * f) / f) : '—';
};
const pct = (x: number) => (Number.isFinite(x) ? `${num(x * 100, 1)}%` : '—');

function valueText(f: Figure): string {
  if (!Number.isFinite(f.value)) return '—';
  return f.unit === 'share' ? pct(f.value) : num(f.value);
}

function intervalText(f: Figure): string {
  if (!Number.isFinite(f.lo)) return '—';
  return f.unit === 'share' ? `${pct(f.lo)} – ${pct(f.hi)}` : `${num(f.lo)} – ${num(f.hi)}`;
}

const UNITS: Record<string, Bi> = {
  'CNY/h': bi('元/小时', 'CNY/h'),
  CNY: bi('元', 'CNY'),
  h: bi('小时', 'h'),
  orders: bi('单', 'orders'),
  share: bi('占比', 'share'),
};

function card(label: Bi, value: string, sub: Bi, warn: boolean): string {
  return `<div class="card${warn ? ' warn' : ''}"><div class="sub">${inline(label)}</div><div class="big">${escapeHtml(value)}</div><div class="sub">${inline(sub)}</div></div>`;
}

/**
 * A histogram of net pay per hour over rider-days in bins of 1 CNY (2 above 60 CNY), with the minimum wage on a bin
 * edge as a dashed line, so every bar is wholly below it (orange) or not.
 */
function payChart(audit: RiderAudit): string {
  const values = audit.riderDays.map((d) => d.netPerHour).filter((v): v is number => v !== null);
  if (values.length === 0) return '';
  const mw = audit.standards.minHourlyWage;
  const top = Math.min(120, Math.max(mw + 10, ...values.map((v) => Math.ceil(v))));
  const bin = top > 60 ? 2 : 1;
  const origin = mw - bin * Math.floor(mw / bin);
  const bins = Math.max(1, Math.ceil((top - origin) / bin) + 1);
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) {
    const i = Math.min(bins - 1, Math.max(0, Math.floor((v - origin) / bin) + 1));
    counts[i] = (counts[i] as number) + 1;
  }
  // Bin i holds [origin + (i − 1) bin, origin + i bin); bin 0 holds everything below origin.
  const lo = origin - bin;
  const hi = origin + (bins - 1) * bin;
  const maxCount = Math.max(...counts);
  const W = 640;
  const H = 240;
  const L = 44;
  const B = 34;
  const T = 18;
  const plotW = W - L - 12;
  const plotH = H - B - T;
  const x = (v: number) => L + ((v - lo) / (hi - lo)) * plotW;
  const y = (c: number) => T + plotH - (c / maxCount) * plotH;
  let bars = '';
  counts.forEach((c, i) => {
    if (c === 0) return;
    const left = lo + i * bin;
    const below = left + bin <= mw + 1e-9;
    bars += `<rect x="${x(left) + 0.5}" y="${y(c)}" width="${Math.max(0.5, plotW / bins - 1)}" height="${T + plotH - y(c)}" fill="${below ? '#D55E00' : '#0072B2'}"/>`;
  });
  let ticks = '';
  const step = top > 60 ? 20 : 10;
  for (let v = Math.ceil(Math.max(0, lo) / step) * step; v <= hi; v += step) {
    ticks += `<text x="${x(v)}" y="${H - B + 16}" font-size="11" text-anchor="middle">${v}</text>`;
  }
  ticks += `<text x="${L - 6}" y="${T + 4}" font-size="11" text-anchor="end">${maxCount}</text><text x="${L - 6}" y="${T + plotH}" font-size="11" text-anchor="end">0</text>`;
  const mx = x(mw);
  const unit =
    audit.basis === 'online' ? bi('元/在线小时', 'CNY per online hour') : bi('元/接单小时', 'CNY per engaged hour');
  return (
    `<figure><svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="net pay per hour">` +
    `<line x1="${L}" y1="${T + plotH}" x2="${W - 12}" y2="${T + plotH}" stroke="#1d1d1f"/>${bars}${ticks}` +
    `<line x1="${mx}" y1="${T - 4}" x2="${mx}" y2="${T + plotH}" stroke="#1d1d1f" stroke-dasharray="5 4"/>` +
    `<text x="${mx + 4}" y="${T - 3}" font-size="11">${escapeHtml(`${mw}`)}</text>` +
    `<text x="${L + plotW / 2}" y="${H - 4}" font-size="11" text-anchor="middle">${escapeHtml(`${unit.zh} / ${unit.en}`)}</text></svg>` +
    `<figcaption>${inline(
      bi(
        `每个骑手日的净收入（收入减罚款）除以${audit.basis === 'online' ? '在线' : '接单'}时长，每 ${bin} 元一档；虚线为最低小时工资 ${mw} 元，橙色柱低于它。`,
        `Net pay (pay less fines) per ${audit.basis} hour of each rider-day, in bins of ${bin} CNY; the dashed line is the hourly minimum wage of ${mw} CNY, orange bars are below it.`,
      ),
    )}</figcaption></figure>`
  );
}

function figuresTable(figures: readonly Figure[]): string {
  const rows = figures
    .filter((f) => f.n > 0)
    .map(
      (f) =>
        `<tr><th>${inline(bi(f.labelZh, f.label))}</th><td class="value">${escapeHtml(valueText(f))}</td><td class="value">${escapeHtml(intervalText(f))}</td><td class="value">${f.n}</td><td>${f.unit === 'share' ? '' : inline(UNITS[f.unit] ?? bi(f.unit, f.unit))}</td></tr>`,
    )
    .join('');
  return (
    `<table class="figures"><thead><tr><th>${inline(bi('指标', 'Figure'))}</th><th>${inline(bi('数值', 'Value'))}</th>` +
    `<th>${inline(bi('95% 区间', '95% interval'))}</th><th>n</th><th>${inline(bi('单位', 'Unit'))}</th></tr></thead><tbody>${rows}</tbody></table>`
  );
}

/** The whole report.html. */
export function auditReportHtml(input: AuditReportInput): string {
  const { audit } = input;
  const s = audit.standards;
  const c = audit.counts;
  const byId = new Map(audit.figures.map((f) => [f.id, f]));
  const get = (id: string) => byId.get(id) as Figure;
  const online = audit.basis === 'online';
  // What the figures leave out or count as no pay, said where the figures are.
  const dropped = c.implausible.rows;
  const leftOut = bi(
    (dropped > 0
      ? `有 ${dropped} 行不可能出现在任何平台记录中的数据被剔除（--drop-implausible）：${implausibleKindsTextZh(c.implausible)}。`
      : '') +
      (c.onlineDaysWithoutOrders > 0
        ? `在线时长文件中有 ${c.onlineDaysWithoutOrders} 个骑手日没有任何订单，按在线但收入为零计入。`
        : ''),
    [
      dropped > 0 ? `${droppedSentence(c.implausible)} No platform could have produced them (--drop-implausible).` : '',
      c.onlineDaysWithoutOrders > 0
        ? `${c.onlineDaysWithoutOrders} rider-days of the online file have no order: they count as days online with no pay.`
        : '',
    ]
      .filter((t) => t !== '')
      .join(' '),
  );
  const legal = s.standardDailyHours + s.maxDailyOvertime;
  const below = get('below-min-wage');
  const overLegal = get('over-legal-limit');
  const fines = get('fines-share');
  const onTime = get('on-time');
  const perHour = get('net-per-hour-mean');
  const cards =
    `<div class="cards">` +
    card(
      bi(
        `低于最低工资 ${s.minHourlyWage} 元/小时的骑手日`,
        `Rider-days below the ${s.minHourlyWage} CNY/h minimum wage`,
      ),
      pct(below.value),
      bi(`95% 区间 ${intervalText(below)}`, `95% interval ${intervalText(below)}`),
      below.value > 0,
    ) +
    card(
      bi(`每${online ? '在线' : '接单'}小时净收入`, `Net pay per ${audit.basis} hour`),
      `${num(perHour.value)}`,
      bi(`元，平均；95% 区间 ${intervalText(perHour)}`, `CNY, mean; 95% interval ${intervalText(perHour)}`),
      perHour.value < s.minHourlyWage,
    ) +
    card(
      bi(`超过 ${legal} 小时的骑手日`, `Rider-days over ${legal} h`),
      pct(overLegal.value),
      bi(`95% 区间 ${intervalText(overLegal)}`, `95% interval ${intervalText(overLegal)}`),
      overLegal.value > 0,
    ) +
    card(
      bi('罚款占收入', 'Fines as a share of pay'),
      pct(fines.value),
      bi(`95% 区间 ${intervalText(fines)}`, `95% interval ${intervalText(fines)}`),
      fines.value > 0.05,
    ) +
    (onTime.n > 0
      ? card(
          bi('准时率', 'On-time rate'),
          pct(onTime.value),
          bi(`${onTime.n} 单有承诺时间`, `${onTime.n} orders with a promise`),
          onTime.value < 0.9,
        )
      : '') +
    '</div>';
  const basisText = online
    ? bi('工作时长为骑手自己记录的每日在线时长。', 'Hours are the riders’ own online hours per day.')
    : bi(
        '没有在线时长文件：工作时长按“接单时长”（有订单在手的时间，从接单到送达）计算。它少于在线时长，所以每小时收入是上限、低于最低工资的比例和超时比例是下限。',
        'No online-time file: hours are engaged hours (an order in the bag, from accepted to delivered). They are fewer than online hours, so pay per hour is an upper bound and the shares below the minimum wage and over the limits are lower bounds.',
      );
  const meta = (label: Bi, valueHtml: string) => `<dt>${inline(label)}</dt><dd>${valueHtml}</dd>`;
  const title = '骑手收入与工时审计 / Rider pay and hours audit';
  const bodyHtml =
    `<header><p class="kicker">${inline(bi('Fairpace 骑手记录审计', 'Fairpace rider records audit'))}</p>` +
    `<h1>${inline(bi('骑手收入与工时审计', 'Rider pay and hours audit'))}</h1>` +
    blocks(
      'p',
      bi(
        `${c.riders} 名骑手自己记录的 ${c.orders} 单（${c.riderDays} 个骑手日，${c.firstDate} 至 ${c.lastDate}），对照${input.standardsName.zh}的最低工资与工时标准。`,
        `${c.orders} orders that ${c.riders} riders recorded themselves (${c.riderDays} rider-days, ${c.firstDate} to ${c.lastDate}), against the minimum wage and working-time standards of ${input.standardsName.en}.`,
      ),
      'description',
    ) +
    '<dl class="meta">' +
    meta(bi('标准', 'Standards'), inline(input.standardsName)) +
    meta(
      bi('最低工资', 'Minimum wage'),
      inline(
        bi(
          `${s.minHourlyWage} 元/小时，${s.minMonthlyWage} 元/月`,
          `${s.minHourlyWage} CNY/h, ${s.minMonthlyWage} CNY/month`,
        ),
      ),
    ) +
    meta(
      bi('工时上限', 'Working-time limits'),
      inline(
        bi(
          `每日标准 ${s.standardDailyHours} 小时，加班每日至多 ${s.maxDailyOvertime} 小时、每月至多 ${s.maxMonthlyOvertime} 小时；每周 ${s.standardWeeklyHours} 小时`,
          `standard day ${s.standardDailyHours} h, overtime at most ${s.maxDailyOvertime} h a day and ${s.maxMonthlyOvertime} h a month; ${s.standardWeeklyHours} h a week`,
        ),
      ),
    ) +
    input.files
      .map((f) => meta(f.role, `${escapeHtml(f.name)}<br><code>SHA-256 ${escapeHtml(f.sha256)}</code>`))
      .join('') +
    meta(bi('软件', 'Software'), `Fairpace ${escapeHtml(input.fairpaceVersion)}`) +
    '</dl></header>\n' +
    `<section id="findings"><h2>1. ${inline(bi('主要发现', 'Findings'))}</h2>${cards}${blocks('p', basisText, 'note')}${payChart(audit)}</section>\n` +
    `<section id="figures"><h2>2. ${inline(bi('全部指标', 'All figures'))}</h2>` +
    blocks(
      'p',
      bi(
        '均值、占比与比率的 95% 区间按骑手聚类（同一骑手不同日子的记录并不独立）；分位数的区间来自次序统计量。这些骑手是自愿提供记录的会员，不是随机样本。',
        'Intervals of means, shares and ratios are clustered by rider (one rider’s days are not independent); those of quantiles come from order statistics. The riders are members who gave their records, not a random sample.',
      ),
      'note',
    ) +
    (leftOut.zh !== '' ? blocks('p', leftOut, 'note') : '') +
    `${figuresTable(audit.figures)}</section>\n` +
    `<section id="privacy"><h2>3. ${inline(bi('隐私', 'Privacy'))}</h2>` +
    blocks(
      'p',
      bi(
        '本报告不含任何骑手编号。随附的 rider_days.csv 用加盐哈希代替骑手编号；盐只保存在做审计的人手中，没有它无法由哈希反查骑手。' +
          (c.duplicateOrders > 0 ? `重复的 ${c.duplicateOrders} 行订单记录只计一次。` : ''),
        'This report holds no rider id. The rider_days.csv beside it has salted hashes in place of rider ids; the salt stays with whoever ran the audit, and without it a hash cannot be traced back to a rider.' +
          (c.duplicateOrders > 0 ? ` ${c.duplicateOrders} repeated order rows were counted once.` : ''),
      ),
    ) +
    '</section>\n';
  return reportPage({ title, fairpaceVersion: input.fairpaceVersion, bodyHtml, extraCss: AUDIT_CSS });
}
