/** The compliance scorecard of each arm (MODEL.md section 11), with the clause each check cites. */
import type { ArmSummary } from '../../analysis/index.ts';
import type { CheckStatus, ComplianceCheck } from '../../sim/results.ts';
import { codePath, escapeHtml } from '../escape.ts';
import { plainValue } from '../format.ts';
import { bi, inline, type Bi } from './bilingual.ts';

/** Names of the checks. */
const CHECK_NAMES: Record<string, Bi> = {
  minWage: bi('最低工资', 'Minimum wage'),
  workingTime: bi('工作时间', 'Working time'),
  strictestAlgorithm: bi('不以最严算法作为考核标准', 'No strictest algorithm in assessment'),
  safetyIndicators: bi('安全指标', 'Safety indicators'),
  extremeWeatherPay: bi('极端天气与节假日报酬', 'Extreme-weather and holiday pay'),
  heatRules: bi('高温天气作业', 'Work in heat'),
  noDeposit: bi('不收押金', 'No deposit'),
  multiPlatform: bi('不限制多平台接单', 'Multi-platform work allowed'),
  negotiatedRules: bi('协商的规则参数', 'Negotiated rule parameters'),
};

/** Chinese for the English texts compliance.ts writes (thresholds, details, values); others stay as they are. */
const TRANSLATIONS: [RegExp, string][] = [
  [/^minimum hourly wage (\S+) CNY$/, '最低小时工资 $1 元'],
  [/^limit (\S+) online hours a day$/, '每天在线上限 $1 小时'],
  [/^the deadline drives assessment or penalties$/, '配送时限用于考核或罚款'],
  [/^the deadline drives neither assessment nor penalties$/, '配送时限既不用于考核也不用于罚款'],
  [/^no premium on: (.*)$/, '以下情形没有加价：$1'],
  [/^rule parameters that differ from the scenario’s base rules$/, '与情景基准规则不同的规则参数'],
  [/^all paid above normal$/, '均高于平常单价'],
  [/^exclusive$/, '禁止多平台接单'],
  [/^allowed$/, '允许'],
  [/^none$/, '无'],
  [/^informational$/, '仅供参考'],
  [/^pay per order above normal on holidays and extreme-weather days$/, '节假日和极端天气日每单报酬高于平常'],
  [/^0 on heat40 days; ≤ (\S+) h on heat37 days$/, '40 ℃ 以上天气无人在线；37 ℃ 以上天气在线不超过 $1 小时'],
  [/^multi-platform work not barred$/, '不禁止多平台接单'],
  [
    /^heat40 courier-days online; longest online hours on heat37 days$/,
    '40 ℃ 以上天气在线的骑手日数；37 ℃ 以上天气的最长在线时长',
  ],
  [/^≤ (\S+) and ≤ (\S+)$/, '≤ $1 且 ≤ $2'],
];

/** An English text of the scorecard with its Chinese, when known. */
export function translated(text: string): Bi {
  for (const [pattern, zh] of TRANSLATIONS) if (pattern.test(text)) return bi(text.replace(pattern, zh), text);
  return bi(text, text);
}

/** A check's metric: metric paths as code, a description in words as text. */
function metricHtml(metric: string): string {
  const paths = metric.split(', ');
  if (paths.every((p) => /^[\w.]+$/.test(p))) return paths.map(codePath).join(', ');
  return inline(translated(metric));
}

/** Status words, each with a symbol so the table reads in greyscale print and without colour vision. */
const STATUS: Record<CheckStatus, { mark: string; text: Bi }> = {
  pass: { mark: '✓', text: bi('符合', 'pass') },
  fail: { mark: '✗', text: bi('不符合', 'fail') },
  notApplicable: { mark: '–', text: bi('不适用', 'n/a') },
  info: { mark: 'i', text: bi('信息', 'info') },
};

function statusCell(check: ComplianceCheck | undefined): string {
  if (!check) return '<td>–</td>';
  const s = STATUS[check.status];
  const value =
    check.value === null ? '' : `<span class="value">${inline(translated(plainValue(check.value, 200)))}</span>`;
  const detail = check.detail ? `<br><span class="note">${inline(translated(check.detail))}</span>` : '';
  return `<td class="status ${check.status}"><b>${s.mark} ${inline(s.text)}</b><br>${value}${detail}</td>`;
}

/** The scorecard: one row per check, one column per arm. Checks are evaluated on each arm's means. */
export function scorecardHtml(arms: readonly ArmSummary[], names: readonly Bi[]): string {
  const first = arms[0];
  if (!first) return '';
  const head =
    `<tr><th>${inline(bi('检查', 'Check'))}</th><th>${inline(bi('条款', 'Clause'))}</th>` +
    `<th>${inline(bi('指标与阈值', 'Metric and threshold'))}</th>` +
    names.map((n) => `<th>${inline(n)}</th>`).join('') +
    '</tr>';
  const rows = first.compliance.map((check) => {
    const name = CHECK_NAMES[check.id] ?? bi(check.id, check.id);
    return (
      `<tr><th scope="row">${inline(name)}</th><td>${escapeHtml(check.clause)}</td>` +
      `<td>${metricHtml(check.metric)}<br>${inline(translated(check.threshold))}</td>` +
      arms.map((arm) => statusCell(arm.compliance.find((c) => c.id === check.id))).join('') +
      '</tr>'
    );
  });
  return `<table class="scorecard"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}
