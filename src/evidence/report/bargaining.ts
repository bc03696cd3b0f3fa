/**
 * Section 8 of the report: the bargaining results a pack carries (`bargaining/<name>.json`, written by `fairpace
 * target`, `sensitivity` or `zone --out`). Each file is read defensively, since a pack may come from anyone: only
 * fields of the expected type are shown, and a file of no known kind is only listed.
 */
import { fixed, plainValue, signed } from '../format.ts';
import { bi, blocks, inline, type Bi } from './bilingual.ts';

/** One bargaining file of a pack: its name in the pack and its parsed JSON. */
export interface BargainingFile {
  /** `bargaining/<name>.json`. */
  name: string;
  json: unknown;
  sha256: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const num = (v: unknown): number => (typeof v === 'number' ? v : Number.NaN);
const str = (v: unknown): string => plainValue(typeof v === 'string' ? v : v === undefined ? null : v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const short = (x: number) => plainValue(x);

function interval(d: unknown): string {
  if (!isObj(d)) return '–';
  const ci = arr(d.ci95);
  return `${signed(num(d.mean), 2)} (${fixed(num(ci[0]), 2)}–${fixed(num(ci[1]), 2)})`;
}

/** The kind of a bargaining result, by its shape. */
export function bargainingKind(json: unknown): 'target' | 'sensitivity' | 'zone' | 'unknown' {
  if (!isObj(json)) return 'unknown';
  if (typeof json.param === 'string' && Array.isArray(json.targets)) return 'target';
  if (Array.isArray(json.params) && isObj(json.base)) return 'sensitivity';
  if (Array.isArray(json.cells) && isObj(json.x) && isObj(json.y)) return 'zone';
  return 'unknown';
}

function targetText(t: Obj): Bi {
  const targets = arr(t.targets)
    .filter(isObj)
    .map((g) => `${str(g.metric)} ${str(g.op)} ${str(g.threshold)}`)
    .join('; ');
  const arm = str(t.arm);
  if (t.reached !== true || typeof t.value !== 'number') {
    return bi(
      `在方案 ${arm} 下，${str(t.param)} 在 ${str(t.min)}–${str(t.max)} 范围内没有任何取值能满足全部目标（${targets}）。`,
      `Under arm ${arm}, no value of ${str(t.param)} in ${str(t.min)}–${str(t.max)} meets the targets (${targets}).`,
    );
  }
  const cost = isObj(t.platformCost) && isObj(t.platformCost.change) ? t.platformCost.change : null;
  const costZh = cost
    ? `与当前取值 ${str((t.platformCost as Obj).currentValue)} 相比，骑手报酬每天变化 ${interval(cost.courierPay)} 元，平台利润每天变化 ${interval(cost.margin)} 元。`
    : '';
  const costEn = cost
    ? ` Against the current value ${str((t.platformCost as Obj).currentValue)}, courier pay changes by ${interval(cost.courierPay)} CNY a day and the platform's margin by ${interval(cost.margin)} CNY a day.`
    : '';
  return bi(
    `在方案 ${arm} 下，${str(t.param)} = ${short(t.value)} 满足全部目标（${targets}）。${costZh}`,
    `Under arm ${arm}, ${str(t.param)} = ${short(t.value)} meets every target (${targets}).${costEn}`,
  );
}

function sensitivityText(s: Obj): Bi {
  const params = arr(s.params).filter(isObj);
  const top = params
    .slice(0, 3)
    .map((p) => `${str(p.path)} (${fixed(num(p.score), 2)})`)
    .join(', ');
  const flips = params.flatMap((p) =>
    arr(p.flips)
      .filter(isObj)
      .map((f) => `${str(p.path)} ${str(f.at)} → ${str(f.metric)}`),
  );
  return bi(
    `影响最大的参数（按得分排序）：${top || '无'}。` +
      (flips.length > 0 ? `会使结论符号翻转的：${flips.join('；')}。` : '没有参数使主要结论的符号翻转。'),
    `The parameters with the largest effect (by score): ${top || 'none'}. ` +
      (flips.length > 0 ? `Sign flips: ${flips.join('; ')}.` : 'No parameter flips the sign of a headline conclusion.'),
  );
}

function pick(p: unknown, x: string, y: string): string {
  return isObj(p) ? `${x} = ${str(p.x)}, ${y} = ${str(p.y)}` : '–';
}

function zoneText(z: Obj): Bi {
  const x = str((z.x as Obj).param);
  const y = str((z.y as Obj).param);
  const cells = arr(z.cells).length;
  const agreed = str(z.agreedCells);
  return bi(
    `方案 ${str(z.arm)} 在 ${x} × ${y} 的 ${cells} 个格点中，双方底线同时满足的有 ${agreed} 个。` +
      `满足工会底线、对平台最便宜的一点：${pick(z.cheapestForPlatform, x, y)}；满足平台底线、对工会最好的一点：${pick(z.bestForUnion, x, y)}。`,
    `Of ${cells} cells of ${x} × ${y} for arm ${str(z.arm)}, ${agreed} meet both sides' limits. ` +
      `Cheapest for the platform among those the union accepts: ${pick(z.cheapestForPlatform, x, y)}; best for the union among those the platform accepts: ${pick(z.bestForUnion, x, y)}.`,
  );
}

function fileText(file: BargainingFile): Bi {
  const kind = bargainingKind(file.json);
  if (kind === 'target') return targetText(file.json as Obj);
  if (kind === 'sensitivity') return sensitivityText(file.json as Obj);
  if (kind === 'zone') return zoneText(file.json as Obj);
  return bi('不是已知的谈判工具结果。', 'Not a known bargaining result.');
}

/** The section, numbered `n`, or '' when the pack carries no bargaining result. */
export function bargainingSection(files: readonly BargainingFile[], n: number): string {
  if (files.length === 0) return '';
  const items = files.map(
    (f) =>
      `<li><code>${inline(bi(f.name, f.name))}</code>${blocks('p', fileText(f))}<p class="note"><code>SHA-256 ${f.sha256}</code></p></li>`,
  );
  return (
    `<section id="bargaining"><h2>${n}. ${inline(bi('谈判工具的结果', 'Bargaining results'))}</h2>` +
    `<ul class="bargaining">${items.join('')}</ul>` +
    blocks(
      'p',
      bi(
        '这些文件由 fairpace target、sensitivity 或 zone 生成后放入证据包。fairpace verify 只核对它们的 SHA-256 与 manifest.json 是否一致，不会重新运行这些分析；要复核其中的数字，请在 scenario.json 上重新运行相应命令。',
        'These files were written by fairpace target, sensitivity or zone and put into the pack. fairpace verify checks only their SHA-256 against manifest.json; it does not re-run these analyses. To check their numbers, run the command again on scenario.json.',
      ),
      'note',
    ) +
    '</section>'
  );
}
