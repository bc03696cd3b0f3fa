// One vocabulary (issue 22 item 3): the workbench's messages and report.html name each feature and status as the
// glossary does, and never by the words it replaces (协议区间 for 可接受区域, 合规评分表/达标 for 合规评分卡/符合).
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/app/i18n.ts';
import { AVOID, avoidedWords, CHECK_STATUS, TERMS } from '../../src/evidence/glossary.ts';
import { buildEvidencePack, planEvidence, runEvidenceInProcess } from '../../src/evidence/index.ts';
import { scenarioOf, textOf, TINY, unzipToRecord } from '../evidence/fixtures.ts';

const json = (v: unknown) => strToU8(JSON.stringify(v));
const diff = (mean: number) => ({ mean, ci95: [mean - 1, mean + 1] });

/** A report that has every section, the bargaining answers included. */
async function fullReport(): Promise<string> {
  const scenario = scenarioOf(TINY);
  const plan = planEvidence(scenario);
  const runs = await runEvidenceInProcess(plan.tasks);
  const bargaining = [
    {
      name: 'bargaining/zone.json',
      bytes: json({
        x: { param: 'rules.deadline.percentile', values: [10, 50] },
        y: { param: 'rules.pay.base', values: [6, 8] },
        cells: [{}, {}, {}, {}],
      }),
    },
    {
      name: 'bargaining/sensitivity.json',
      bytes: json({
        base: {},
        params: [{ path: 'rules.pay.commissionRate', score: 1, low: 0.08, high: 0.12, flips: [] }],
      }),
    },
    {
      name: 'bargaining/target.json',
      bytes: json({
        param: 'rules.pay.base',
        min: 6,
        max: 20,
        value: 9,
        reached: true,
        targets: [
          { metric: 'earnings.shareBelowMinWage', op: '<=', threshold: 0.05, achieved: 0.04, ci95: [0.03, 0.05] },
        ],
        platformCost: { currentValue: 6, change: { courierPay: diff(1000), margin: diff(-1000) } },
      }),
    },
  ];
  const pack = buildEvidencePack({ scenario, plan, runs, bargaining });
  return textOf(unzipToRecord(pack.zip), 'report.html');
}

/** The text of one language's view: the other language's elements and all markup removed. */
function view(html: string, lang: 'zh' | 'en'): string {
  const other = lang === 'zh' ? 'en' : 'zh-CN';
  let h = html.slice(html.indexOf('<body>')).replace(/<(style|title|svg)\b[^>]*>[\s\S]*?<\/\1>/g, ' ');
  const drop = new RegExp(`<(\\w+)[^>]*\\slang="${other}"[^>]*>(?:(?!<\\1[\\s>])[\\s\\S])*?<\\/\\1>`, 'g');
  for (let i = 0; i < 4; i++) h = h.replace(drop, ' ');
  return h.replace(/<[^>]+>/g, ' ');
}

describe('the glossary', () => {
  it('is kept by every message of the workbench, in both languages', () => {
    for (const [lang, messages] of [
      ['zh', MESSAGES['zh-CN']],
      ['en', MESSAGES.en],
    ] as const) {
      const found = Object.entries(messages).flatMap(([key, text]) =>
        avoidedWords(text, lang).map((w) => `${key}: ${w}`),
      );
      expect(found).toEqual([]);
    }
  });

  it('names each feature on screen, in the export list and in the report alike', async () => {
    const zh = MESSAGES['zh-CN'];
    const en = MESSAGES.en;
    expect([zh['zone.heading'], zh['export.kind.zone']]).toEqual([TERMS.zone.zh, TERMS.zone.zh]);
    expect([en['zone.heading'], en['export.kind.zone']]).toEqual([TERMS.zone.en, TERMS.zone.en]);
    expect([zh['target.heading'], zh['export.kind.target']]).toEqual([TERMS.target.zh, TERMS.target.zh]);
    expect(zh['export.kind.sensitivity']).toBe(TERMS.sensitivity.zh);
    expect(zh['tornado.heading'].startsWith(TERMS.sensitivity.zh)).toBe(true);
    expect(zh['export.kind.robustness']).toBe(zh['robustness.heading']);
    expect(zh['compliance.heading']).toBe(TERMS.scorecard.zh);
    expect(zh['results.heading']).toBe(TERMS.headline.zh);
    expect(zh['status.pass']).toBe(`${CHECK_STATUS.pass.mark} ${CHECK_STATUS.pass.text.zh}`);
    expect(en['status.fail']).toBe(`${CHECK_STATUS.fail.mark} ${CHECK_STATUS.fail.text.en}`);

    const html = await fullReport();
    for (const lang of ['zh', 'en'] as const) {
      const text = view(html, lang);
      expect(avoidedWords(text, lang)).toEqual([]);
      for (const key of [
        'zone',
        'target',
        'sensitivity',
        'scorecard',
        'headline',
        'bargaining',
        'modelCheck',
      ] as const) {
        expect(text, `${key} in the ${lang} report`).toContain(TERMS[key][lang]);
      }
      expect(text).toContain(CHECK_STATUS.pass.text[lang]);
    }
  });

  it('lists words that would be caught', () => {
    // The check cannot pass vacuously: each avoided word is found where it is used.
    for (const a of AVOID) {
      for (const w of a.zh) expect(avoidedWords(`……${w}……`, 'zh').length).toBeGreaterThan(0);
      for (const w of a.en) expect(avoidedWords(`… ${w} …`, 'en').length).toBeGreaterThan(0);
    }
  });
});
