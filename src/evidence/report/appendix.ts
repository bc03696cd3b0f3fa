/**
 * The report's appendix: what a meeting does not need first but a careful reader may check. The question and the
 * rule tables, the further figures, the charts not in the body, the assumptions and sources, the model check target by
 * target, the bargaining files, and how to reproduce and verify the pack. Numbered 附录一、二… in Chinese and A, B, … in
 * English, in this order; a part with nothing to say is left out and the numbers close up.
 */
import { labelContext } from '../../analysis/index.ts';
import { rulesForArm } from '../../scenario/rulesForArm.ts';
import { escapeHtml } from '../../format/escape.ts';
import { TERMS } from '../glossary.ts';
import { assumptionsTableHtml, modelSourcesHtml, scenarioSourcesHtml } from './assumptions.ts';
import { bargainingAppendix } from './bargaining.ts';
import { bi, blocks, codeBlocks, inline, type Bi } from './bilingual.ts';
import { chartFigures, hasDays } from './figures.ts';
import { furtherFiguresHtml } from './furtherFigures.ts';
import { MODEL_DOC, modelCheckHtml } from './modelCheck.ts';
import type { ReportInput } from './reportInput.ts';
import { rulesTableHtml, scenarioTableHtml } from './ruleTables.ts';
import { promiseRule } from './scenarioText.ts';

/** What the digest is, and where the pack's other files are described. */
const MANIFEST_FILES_NOTE = bi(
  '摘要是 scenario.json 与 results.json 的规范 JSON（键按字母排序、无空格）依次相连后的 SHA-256；manifest.json 列出了每个文件的 SHA-256。证据包另附的图表文件与本报告的图相同，只是中英文写在一起；逐个骑手日、逐日和合规的明细在 courier_days.csv、per_day.csv 和 compliance.csv 中，也合在 tables.xlsx 里。',
  'The digest is the SHA-256 of the canonical JSON (sorted keys, no spaces) of scenario.json followed by that of results.json; manifest.json lists the SHA-256 of every file. The pack’s chart files hold this report’s charts with both languages on each; the courier-day, per-day and compliance rows are in courier_days.csv, per_day.csv and compliance.csv, and together in tables.xlsx.',
);

/** The numerals of the appendix's parts in Chinese. */
const ZH_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** One appendix part: its heading and its body, or null when it has nothing to say. */
type Part = (heading: (title: Bi) => string) => string | null;

function questionAndRules(input: ReportInput, names: readonly Bi[]): Part {
  return (heading) => {
    const { scenario, comparison } = input;
    const arms = comparison.arms.map((arm, i) => {
      const { percentile, basis } = rulesForArm(scenario, arm.id).deadline;
      const name = names[i] ?? bi(arm.id, arm.id);
      return `<li><b>${inline(name)}</b> — ${inline(promiseRule(percentile, basis))}</li>`;
    });
    return (
      heading(bi('问题与规则', 'The question and the rule sets')) +
      blocks(
        'p',
        bi(
          '在同一座城市里，面对同样的订单和同样的骑手，下面这些平台规则会让骑手的收入、工作时间和交通安全发生什么变化？平台又要为此付出多少？',
          'In the same city, with the same orders and the same couriers, what do the platform rules below do to couriers’ earnings, working time and road safety, and what do they cost the platform?',
        ),
      ) +
      `<ol class="arms" type="A">${arms.join('')}</ol>` +
      blocks(
        'p',
        bi(
          '背景：唐山市（2022）实施方案第 8 项要求不得将“最严算法”作为考核标准，而应“算法取中”；烟台市（2021）通知第（九）项要求平台就订单分配、计件单价、抽成比例和算法规则等与工会协商。配送时限按过往同类订单送达用时的某个百分位设定：百分位越低，时限越紧。',
          'Background: Tangshan’s 2022 plan (task 8) forbids using the strictest algorithm (最严算法) as the assessment standard and asks for algorithm-median (算法取中); Yantai’s 2021 notice (item 九) puts order allocation, piece rates, commission and algorithms to negotiation with the union. The delivery deadline is set from a percentile of past delivery times of similar orders: the lower the percentile, the tighter the deadline.',
        ),
        'note',
      ) +
      `<h4>${inline(bi('各方案的规则', 'The rules of the arms'))}</h4>` +
      blocks(
        'p',
        bi(
          '下表列出各方案之间、以及各方案与情景基准规则之间不同的每一个规则参数。未列出的参数在所有方案中都相同。',
          'Every rule parameter that differs between the arms, or between an arm and the scenario’s base rules. Parameters not listed are the same in every arm.',
        ),
      ) +
      rulesTableHtml(
        scenario,
        comparison.arms.map((a) => a.id),
        names,
      ) +
      `<h4>${inline(bi('情景中不同于默认值的参数', 'Scenario parameters set away from Fairpace’s defaults'))}</h4>` +
      scenarioTableHtml(scenario)
    );
  };
}

function furtherFigures(input: ReportInput, names: readonly Bi[]): Part {
  return (heading) => {
    const { comparison, scenario } = input;
    const context = labelContext(scenario);
    return (
      heading(TERMS.furtherFigures) +
      blocks(
        'p',
        bi(
          `全职骑手（在线至少 ${context.fullTime} 小时的骑手日，多数调查描述的就是这一群体）、每单的报酬与利润、配送的组织方式和严重超时：每个方案的平均值与 95% 区间，以及与第一个方案的配对差值。`,
          `Full-time courier-days (online at least ${context.fullTime} h, the group most surveys describe), pay and margin per order, how deliveries are bundled, and serious lateness: each arm’s mean with its 95% interval, and the paired difference from the first arm.`,
        ),
      ) +
      furtherFiguresHtml(comparison, input.runsByArm, names, context) +
      blocks(
        'p',
        bi(
          `这是对一座合成城市的模拟，不是对真实平台的测量：数字显示的是在附录所列假设下规则变化的方向和大小。每个方案用同样的 ${comparison.seeds.length} 个随机种子各运行一次；同一个种子下，各方案面对同样的订单、同样的骑手和同样的出餐时间（共同随机数），只有规则不同。每个方案的数值是各次重复的平均值，括号内是按重复次数计算的 95% 区间（比例的区间截断在 0–100%）。差值是同一种子下两方案之差的平均值及其 95% 区间。事故绝对数依赖未校准的基础事故率，只适合相对比较。`,
          `This is a simulation of a synthetic city, not a measurement of a real platform: the numbers show the direction and size of a rule change’s effects under the assumptions listed in this appendix. Each arm runs once with each of the same ${comparison.seeds.length} seeds; with a given seed, every arm sees the same orders, the same couriers and the same preparation times (common random numbers), and only the rules differ. An arm’s value is its mean over replications, with the 95% interval over replications in brackets (intervals of shares are clipped to 0–100%). A difference is the mean of the same-seed differences, with its 95% interval. Absolute crash counts rest on an uncalibrated base rate and are for comparison only.`,
        ),
        'note',
      )
    );
  };
}

function moreCharts(input: ReportInput, names: readonly Bi[]): Part {
  return (heading) => {
    const source = { ...input, names };
    const note = hasDays(input.comparison)
      ? ''
      : blocks(
          'p',
          bi(
            '本情景只报告一天，所以没有逐日图表：每个方案只有一个点，看不出变化。证据包仍附有这两张图的文件。',
            'This scenario reports one day, so there are no day-by-day charts: one point per arm shows no course. The pack still carries their files.',
          ),
          'note',
        );
    return heading(bi('更多图表', 'More charts')) + chartFigures(source, ['charts/speed-km.svg']) + note;
  };
}

function assumptions(input: ReportInput): Part {
  return (heading) =>
    heading(bi('模型假设与来源', 'Assumptions and sources')) +
    codeBlocks(
      'p',
      bi(
        `以下参数没有可靠的公开来源，是模型的假设（模型说明中标为假设，见 Fairpace 的模型说明 ${MODEL_DOC}）。它们都可以在情景文件中修改；用工作台的敏感性分析或命令 fairpace sweep 可以检验结论在多大程度上依赖于它们。`,
        `These parameters have no solid public source and are assumptions of the model (marked so in its description, ${MODEL_DOC} in the Fairpace repository). All can be changed in the scenario file; the workbench’s sensitivity analysis or fairpace sweep shows how much a conclusion depends on them.`,
      ),
    ) +
    assumptionsTableHtml(input.scenario) +
    `<h4>${inline(bi('情景引用的来源', 'Sources the scenario cites'))}</h4>` +
    scenarioSourcesHtml(input.scenario) +
    `<h4>${inline(bi('模型默认值的来源', 'Sources of the model’s defaults'))}</h4>` +
    modelSourcesHtml();
}

function modelCheck(input: ReportInput, armName: (id: string) => Bi): Part {
  return (heading) =>
    heading(bi(`${TERMS.modelCheck.zh}：逐项对照`, `${TERMS.modelCheck.en}, target by target`)) +
    codeBlocks(
      'p',
      bi(
        `模型的默认值按公开发表的数字校准（中国外卖骑手的公开数据）。下表把本证据包自己的运行结果与这些数字逐项对照：观测范围、模型的平均值及其 95% 区间，以及模型是否落在范围内。2020 年及以前的观测对照“最严算法”方案，2022 年及以后的对照“算法取中”方案。落在范围外的项说明模型在这方面与现实不符，相关结论应谨慎看待。模型的完整说明见 Fairpace 的模型说明 ${MODEL_DOC}；本证据包中的 calibration.json 给出同样的数字。`,
        `The model’s defaults are calibrated against published figures (${input.calibration.targetsName}). This table holds this pack’s own runs against them one by one: the observed range, the model’s mean with its 95% interval, and whether the model falls inside. Figures observed up to 2020 are held against the strictest arm, those from 2022 on against the median arm. A target outside its range is a way in which the model departs from reality; read conclusions that rest on it with care. The model is described in full in ${MODEL_DOC} in the Fairpace repository; calibration.json in this pack holds the same numbers.`,
      ),
    ) +
    modelCheckHtml(input.calibration, armName, labelContext(input.scenario));
}

function bargainingFiles(input: ReportInput): Part {
  return (heading) => {
    const files = input.bargaining ?? [];
    if (files.length === 0) return null;
    return bargainingAppendix(
      files,
      heading(bi(`${TERMS.bargaining.zh}的结果文件`, `${TERMS.bargaining.en}: the files`)),
    );
  };
}

function reproduce(input: ReportInput): Part {
  return (heading) =>
    heading(bi('如何复现与校验', 'Reproduce and verify')) +
    `<dl class="meta">` +
    `<dt>${inline(bi('软件', 'Software'))}</dt><dd>Fairpace ${escapeHtml(input.fairpaceVersion)}, ` +
    `${inline(bi('情景格式版本', 'scenario schema'))} ${input.comparison.schemaVersion}</dd>` +
    `<dt>${inline(bi('模型指纹（SHA-256）', 'Model fingerprint (SHA-256)'))}</dt><dd><code>${escapeHtml(input.modelDigest)}</code></dd>` +
    `<dt>${inline(bi('摘要（SHA-256）', 'Digest (SHA-256)'))}</dt><dd><code>${escapeHtml(input.digest)}</code></dd>` +
    '</dl>' +
    codeBlocks(
      'p',
      bi(
        `证据包里的 scenario.json 是完整的情景，所有默认值都已写出。用 Fairpace ${input.fairpaceVersion} 在解压后的目录中运行下面的命令，会得到逐字节相同的证据包：`,
        `The pack’s scenario.json is the complete scenario, with every default written out. Run in the unzipped folder with Fairpace ${input.fairpaceVersion}, this command makes the same pack again, byte for byte:`,
      ),
    ) +
    `<pre class="command">${escapeHtml(input.command)}</pre>` +
    blocks(
      'p',
      bi(
        '也可以不解压，让 Fairpace 重新运行情景并核对每个文件和每个数字：',
        'Or let Fairpace re-run the scenario and check every file and every number, without unzipping:',
      ),
    ) +
    '<pre class="command">fairpace verify pack.zip</pre>' +
    codeBlocks('p', MANIFEST_FILES_NOTE, 'note');
}

/** The appendix, or '' when it has no part. */
export function appendixHtml(input: ReportInput, names: readonly Bi[], armName: (id: string) => Bi): string {
  const parts: [string, Part][] = [
    ['question', questionAndRules(input, names)],
    ['further-figures', furtherFigures(input, names)],
    ['more-charts', moreCharts(input, names)],
    ['assumptions', assumptions(input)],
    ['model-check', modelCheck(input, armName)],
    ['bargaining-files', bargainingFiles(input)],
    ['reproduce', reproduce(input)],
  ];
  let index = 0;
  const sections = parts.flatMap(([id, part]) => {
    // 附录一、二… in Chinese, A, B… in English.
    const zh = ZH_NUMERALS[index] ?? String(index + 1);
    const en = String.fromCharCode(65 + index);
    const html = part((title) => `<h3>${inline(bi(`附录${zh}\u3000${title.zh}`, `${en}. ${title.en}`))}</h3>`);
    if (html === null) return [];
    index += 1;
    return [`<section class="appendix-part" id="${id}">${html}</section>`];
  });
  if (sections.length === 0) return '';
  return (
    `<div class="appendix" id="appendix"><h2>${inline(TERMS.appendix)}</h2>` +
    blocks(
      'p',
      bi(
        '以下内容供核对之用：规则明细、其他数字、更多图表、模型假设与来源、逐项的模型校验和复现方法。',
        'For checking: the rules in detail, further figures, more charts, the model’s assumptions and sources, the model check target by target, and how to reproduce the pack.',
      ),
      'note',
    ) +
    sections.join('\n') +
    '</div>'
  );
}
