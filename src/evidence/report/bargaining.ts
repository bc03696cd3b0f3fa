/**
 * The bargaining results a pack carries (`bargaining/<name>.json`, written by `fairpace target`, `sensitivity`, `zone`
 * or `robustness --out`, or exported from the workbench): in the report's body, each answer in the paragraphs its
 * panel shows (src/evidence/views), under the glossary's name for it; in the appendix, the files with their
 * SHA-256 and the whole sensitivity ranking. Each file is read defensively, since a pack may come from anyone: only
 * fields of the expected type are shown, and a file of no known kind is only listed.
 */
import { labelContext } from '../../analysis/index.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { escapeHtml } from '../../format/escape.ts';
import { TERMS, type Term } from '../glossary.ts';
import { robustnessParagraphs, targetParagraphs, zoneParagraphs, type Paragraph } from '../views/bargainingView.ts';
import {
  rankingLine,
  RANKING_INTRO,
  SCORE_NOTE,
  sensitivityFlips,
  sensitivityRanking,
  type SensitivityLike,
} from '../views/sensitivityView.ts';
import { bi, blocks, codeBlocks, inline } from './bilingual.ts';
import {
  asRobustness,
  asSensitivity,
  asTarget,
  asZone,
  bargainingKind,
  type BargainingFile,
  type Obj,
} from './bargainingRead.ts';
import { robustnessFiguresHtml } from './bargainingRobustness.ts';

export { bargainingKind, type BargainingFile } from './bargainingRead.ts';

/** What the report can say of a file it cannot read as its kind. */
const UNREADABLE = bi(
  '这个结果文件缺少必要的字段，无法写成句子。',
  'This result file lacks fields the report needs to say it in sentences.',
);

/** The glossary's name of each kind. */
const KIND_NAMES: Record<ReturnType<typeof bargainingKind>, Term> = {
  target: TERMS.target,
  sensitivity: TERMS.sensitivity,
  zone: TERMS.zone,
  robustness: TERMS.robustness,
  unknown: { zh: '其他结果', en: 'Other result' },
};

/** Paragraphs as HTML, notes smaller; each carries the id of its element on screen. */
function paragraphsHtml(list: readonly Paragraph[]): string {
  return list
    .map(
      (p) =>
        `<div class="answer" data-id="${escapeHtml(p.id)}">${blocks('p', p.text, p.note ? 'note' : undefined)}</div>`,
    )
    .join('');
}

/** The sensitivity answer: the ranking as the tornado panel lists it, the flips and what a score is. */
function sensitivityHtml(s: SensitivityLike, scenario?: Scenario): string {
  const ranking = sensitivityRanking(s);
  const items = ranking.map(
    (p) => `<li data-rank="${p.rank}" data-score="${escapeHtml(p.score)}">${inline(rankingLine(p))}</li>`,
  );
  return (
    blocks('p', RANKING_INTRO) +
    `<ol class="ranking">${items.join('')}</ol>` +
    `<div class="answer" data-id="flips">${blocks('p', sensitivityFlips(s, scenario ? labelContext(scenario) : {}))}</div>` +
    blocks('p', SCORE_NOTE, 'note')
  );
}

/** One file's answer in the report's body. */
function answerHtml(file: BargainingFile, scenario?: Scenario): string {
  const kind = bargainingKind(file.json);
  const json = file.json as Obj;
  const own = scenario ?? null;
  let body: string | null = null;
  try {
    if (kind === 'target') {
      const t = asTarget(json);
      body = t ? paragraphsHtml(targetParagraphs(t, own)) : null;
    } else if (kind === 'sensitivity') {
      const s = asSensitivity(json);
      body = s ? sensitivityHtml(s, scenario) : null;
    } else if (kind === 'zone') {
      const z = asZone(json);
      body = z ? paragraphsHtml(zoneParagraphs(z, own)) : null;
    } else if (kind === 'robustness') {
      const r = asRobustness(json);
      body = r ? paragraphsHtml(robustnessParagraphs(r, own)) + robustnessFiguresHtml(r, own) : null;
    } else {
      body = blocks('p', bi('不是已知的谈判工具结果（见附录）。', 'Not a known bargaining result (see the appendix).'));
    }
  } catch {
    // A file of a known kind whose fields are not what this Fairpace writes.
    body = null;
  }
  return (
    `<div class="bargaining-result" data-kind="${kind}"><h3>${inline(KIND_NAMES[kind])}</h3>` +
    `${body ?? blocks('p', UNREADABLE)}</div>`
  );
}

/**
 * The section, numbered `n`, or '' when the pack carries no bargaining result: each answer in sentences. The
 * scenario, when given, names the arm and fills the scenario's thresholds into metric names.
 */
export function bargainingSection(files: readonly BargainingFile[], n: number, scenario?: Scenario): string {
  if (files.length === 0) return '';
  return (
    `<section id="bargaining"><h2>${n}. ${inline(TERMS.bargaining)}</h2>` +
    blocks(
      'p',
      bi(
        '以下是随证据包附上的谈判工具结果，与工作台上各面板的说法相同。它们在本情景上算出，但核验证据包时不会重新运行（见附录）。',
        'The bargaining results carried with this pack, said as the workbench’s panels say them. They were computed on this scenario, but verifying the pack does not re-run them (see the appendix).',
      ),
      'note',
    ) +
    files.map((f) => answerHtml(f, scenario)).join('') +
    '</section>'
  );
}

/** The sensitivity ranking in full, as a table (the body lists its first few). */
function fullRankingHtml(s: SensitivityLike): string {
  const rows = sensitivityRanking(s, s.params.length).map(
    (p) =>
      `<tr><td class="value">${p.rank}</td><th scope="row">${inline(p.name)}</th>` +
      `<td class="value">${inline(p.range)}</td><td class="value">${escapeHtml(p.score)}</td></tr>`,
  );
  if (rows.length === 0) return '';
  const head =
    `<tr><th>${inline(bi('排名', 'Rank'))}</th><th>${inline(bi('参数', 'Parameter'))}</th>` +
    `<th>${inline(bi('变动范围', 'Range'))}</th><th>${inline(bi('得分', 'Score'))}</th></tr>`;
  return `<table class="ranking"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}

/** The appendix part: each file by name with its SHA-256, the full sensitivity ranking, and what verify does with them. */
export function bargainingAppendix(files: readonly BargainingFile[], heading: string): string {
  if (files.length === 0) return '';
  const items = files.map((f) => {
    const kind = bargainingKind(f.json);
    const name = KIND_NAMES[kind];
    return `<li>${inline(bi(`${name.zh}：`, `${name.en}: `))}<code>${escapeHtml(f.name)}</code><br><code class="digest">SHA-256 ${escapeHtml(f.sha256)}</code></li>`;
  });
  const rankings = files
    .filter((f) => bargainingKind(f.json) === 'sensitivity')
    .map((f) => {
      const s = asSensitivity(f.json as Obj);
      return s ? fullRankingHtml(s) : '';
    })
    .join('');
  return (
    `${heading}<ul class="files">${items.join('')}</ul>` +
    (rankings === ''
      ? ''
      : `<h4>${inline(bi(`${TERMS.sensitivity.zh}：全部参数`, `${TERMS.sensitivity.en}: every parameter`))}</h4>${rankings}`) +
    codeBlocks(
      'p',
      bi(
        '这些文件由相应的命令（fairpace target、fairpace sensitivity、fairpace zone、fairpace robustness）写出或从工作台导出，原样放入证据包。fairpace verify 只核对它们的 SHA-256 与 manifest.json 是否一致，不会重新运行这些分析；要复核其中的数字，请在 scenario.json 上重新运行相应命令。',
        'These files were written by their commands (fairpace target, fairpace sensitivity, fairpace zone, fairpace robustness) or exported from the workbench, and are carried as they are. fairpace verify checks only their SHA-256 against manifest.json; it does not re-run these analyses. To check their numbers, run the command again on scenario.json.',
      ),
      'note',
    )
  );
}
