// Browser test of the walk-through's sentences against their own numbers (issue 22, item 1): on demo-small, every
// step is walked with its "try it" control set to the bottom and then the top of its range, and every claim of every
// sentence is held against the digits printed beside it: a direction word only where the shown 95% interval excludes
// zero (else "没有明显差别" and "包含 0"), the side it names is the side whose shown value is higher or lower, a trend
// only with a slope interval clear of zero and first and last days on the same side, the move line names the two
// values the test set, and a move that contradicts the step's general claim says so. Then two steps are read again
// in English. run.mjs runs this with the others (`node test/e2e/run.mjs "guide truth"`); screenshots of two steps in
// both languages go to test-artifacts/guide-truth/.
/* global document, HTMLInputElement */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assert, ROOT, tid, waitForRunDone } from './support.mjs';
import { latinOnPage, unexpectedLatin } from './latinWords.mjs';

const SHOTS = join(ROOT, 'test-artifacts', 'guide-truth');
const STEPS = ['promise', 'pressure', 'ratchet', 'pay', 'platform', 'model'];
/** Each step's general claim about its control: +1 when raising the control should raise the measured quantity. */
const CLAIM_SIGN = { promise: 1, pressure: 1, ratchet: -1, pay: 1, platform: 1 };

/** The direction words the guide may use, by language and direction; nothing else may stand as a verdict. */
const VERDICTS = {
  zh: {
    up: ['高', '多', '上升', '变长'],
    down: ['低', '少', '下降', '缩短'],
    none: ['没有明显差别', '没有明显变化', '没有明显趋势'],
  },
  en: {
    up: ['higher', 'more', 'up', 'longer'],
    down: ['lower', 'less', 'down', 'shorter'],
    none: ['no clear difference', 'no clear change', 'no clear trend'],
  },
};
const AGREEMENT_WORDS = {
  zh: { agrees: /一致/, contradicts: /相反/, unclear: /不能证实|不足以证实/ },
  en: { agrees: /has it/, contradicts: /the opposite of/, unclear: /do(es)? not bear/ },
};
const INCLUDES_ZERO = { zh: '包含 0', en: 'includes zero' };
const ENDS_DISAGREE = { zh: '首末两天', en: 'first and last days' };

/** Waits until the guide shows `step` at `value`, its run finished (and, when given, more runs than `runsBefore`). */
async function shownFor(page, step, value, runsBefore = -1) {
  const handle = await page.waitForFunction(
    ([s, v, before]) => {
      const el = document.querySelector('[data-testid="guide-step"]');
      const status = document.querySelector('[data-testid="guide-status"]');
      const runs = Number(document.querySelector('[data-testid="guide"]')?.getAttribute('data-runs'));
      if (status?.getAttribute('data-phase') === 'error') return { error: status.textContent };
      const ok = el?.getAttribute('data-shown') === `${s}:${v}` && status?.getAttribute('data-phase') === 'done';
      return ok && runs > before ? { ok: true } : false;
    },
    [step, String(value), runsBefore],
    { timeout: 180_000, polling: 100 },
  );
  const state = await handle.jsonValue();
  assert(state.ok, `step ${step} at ${value}: ${JSON.stringify(state)}`);
}

/** Runs `what`, naming where it was in its error. */
async function at(where, what) {
  try {
    return await what();
  } catch (error) {
    throw new Error(`${where}: ${error.message}`);
  }
}

/** Sets the step's range control to `value` as a person dragging it would (an input event). */
async function setControl(page, value) {
  await page.evaluate(
    ([sel, v]) => {
      const input = document.querySelector(sel);
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, String(v));
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    [tid('guide-try-range'), value],
  );
}

/** The sentence on screen: its whole text, and each claim with its data, text, verdict and agreement text. */
function readSentence(page) {
  return page.evaluate(() => {
    const p = document.querySelector('[data-testid="guide-sentence"]');
    const claims = [...(p?.querySelectorAll('[data-testid="guide-claim"]') ?? [])].map((el) => ({
      kind: el.getAttribute('data-kind'),
      direction: el.getAttribute('data-direction'),
      expect: el.getAttribute('data-expect'),
      agreement: el.getAttribute('data-agreement'),
      a: el.getAttribute('data-a'),
      b: el.getAttribute('data-b'),
      lo: el.getAttribute('data-lo'),
      hi: el.getAttribute('data-hi'),
      text: el.textContent ?? '',
      verdict: el.querySelector('[data-testid="guide-verdict"]')?.textContent ?? '',
      agreementText: el.querySelector('[data-testid="guide-agreement"]')?.textContent ?? '',
    }));
    return { text: p?.textContent ?? '', claims, tail: p?.querySelector('[data-testid="guide-tail"]')?.textContent };
  });
}

/**
 * Every claim of the sentence on screen against its numbers. `move` is `{ from, to }` when the sentence must report
 * the person's move of the control, null when it must ask for one. Returns the problems found.
 */
export function sentenceProblems(sentence, step, lang, move) {
  const problems = [];
  const say = (claim, what) => problems.push(`${step} [${lang}] ${what}: ${claim?.text ?? sentence.text}`);
  const num = (s) => Number(s);
  const moves = sentence.claims.filter((c) => c.kind === 'move' || c.kind === 'checks');
  if (move && moves.length === 0) say(null, `no line about the move ${move.from} → ${move.to}`);
  if (!move && moves.length > 0) say(moves[0], 'a move line before any move');
  if (!move && !sentence.tail) say(null, 'no prompt to move the control');
  if (step !== 'model' && sentence.claims.filter((c) => c.kind !== 'move').length === 0) {
    say(null, 'no measured claim');
  }
  for (const c of sentence.claims) {
    if (move && (c.kind === 'move' || c.kind === 'checks') && !c.text.includes(`${move.from} → ${move.to}`)) {
      say(c, `the move line does not name ${move.from} → ${move.to}`);
    }
    if (c.kind === 'checks') {
      const count = lang === 'zh' ? `${c.b} 项落在观测范围内` : `${c.b} fall inside`;
      if (!sentence.text.includes(count)) say(c, `the count after the move (${c.b}) is not the lead's`);
      continue;
    }
    for (const key of ['a', 'b', 'lo', 'hi']) {
      if (!c[key] || !c.text.includes(c[key])) say(c, `the number ${key}=${c[key]} is not in the text`);
    }
    const [a, b, lo, hi] = [num(c.a), num(c.b), num(c.lo), num(c.hi)];
    const words = VERDICTS[lang];
    if (!words[c.direction]?.includes(c.verdict)) say(c, `verdict "${c.verdict}" is not a word for ${c.direction}`);
    if (c.direction === 'none') {
      const straddles = lo <= 0 && hi >= 0;
      const endsDisagree = c.kind === 'trend' && ((lo > 0 && b <= a) || (hi < 0 && b >= a));
      if (!straddles && !endsDisagree) say(c, `no direction, but the interval ${c.lo} to ${c.hi} excludes zero`);
      if (straddles && !c.text.includes(INCLUDES_ZERO[lang])) say(c, 'an interval with zero in it is not said to be');
      if (endsDisagree && !c.text.includes(ENDS_DISAGREE[lang])) say(c, 'no word on why a clear slope is no trend');
    } else {
      // A stated direction: the interval of the stated size is above zero, and the named side's value agrees.
      if (!(lo > 0 && hi >= lo)) say(c, `"${c.verdict}" with the interval ${c.lo} to ${c.hi}`);
      const higher = c.kind === 'diff' ? a - b : b - a;
      if (c.direction === 'up' ? higher < 0 : higher > 0) say(c, `"${c.verdict}" but the values are ${c.a} and ${c.b}`);
      if (c.text.includes(INCLUDES_ZERO[lang])) say(c, 'a direction stated beside "includes zero"');
    }
    if (c.expect) {
      const due = c.direction === 'none' ? 'unclear' : c.direction === c.expect ? 'agrees' : 'contradicts';
      if (c.agreement !== due) say(c, `agreement ${c.agreement}, the numbers make it ${due}`);
      if (!AGREEMENT_WORDS[lang][due].test(c.agreementText)) say(c, `the agreement text does not say ${due}`);
      if (c.kind === 'move' && move && CLAIM_SIGN[step] !== undefined) {
        const rises = (num(move.to) - num(move.from)) * CLAIM_SIGN[step] > 0;
        if (c.expect !== (rises ? 'up' : 'down')) say(c, `expects ${c.expect} for ${move.from} → ${move.to}`);
      }
    } else if (c.agreementText) say(c, 'an agreement sentence without a claim');
  }
  return problems;
}

/** The value labels of each bar panel of a chart, in arm order (the first text mark of each SVG). */
function barLabels(page, testId) {
  return page.evaluate(
    (id) =>
      [...document.querySelectorAll(`[data-testid="${id}"] svg`)].map((svg) =>
        [...(svg.querySelector('g[aria-label="text"]')?.querySelectorAll('text') ?? [])].map((t) => t.textContent),
      ),
    testId,
  );
}

/** Steps whose chart is one bar panel per measured claim, in the claims' order, with the arms in the same order. */
const BAR_STEPS = new Set(['pressure', 'pay']);

/**
 * The arms' values in a sentence's claims against the bars' labels on the chart beside it: each within half a unit of
 * the label's last decimal.
 */
function chartProblems(sentence, panels, step, lang) {
  const problems = [];
  const near = (label, shown) => {
    const decimals = (label.split('.')[1] ?? '').length;
    return Math.abs(Number(label) - Number(shown)) <= 0.5 * 10 ** -decimals + 1e-9;
  };
  const diffs = sentence.claims.filter((c) => c.kind === 'diff');
  diffs.forEach((c, k) => {
    const [first, second] = panels[k] ?? [];
    if (first === undefined || second === undefined) problems.push(`${step} [${lang}]: no bars for "${c.text}"`);
    else if (!near(first, c.a) || !near(second, c.b)) {
      problems.push(`${step} [${lang}]: the chart shows ${first} and ${second}, the sentence ${c.a} and ${c.b}`);
    }
  });
  return problems;
}

/** Every sentence the test read, for a person to read after it (test-artifacts/guide-truth/sentences.txt). */
const READ = [];

/** Every problem of the sentence on screen, and the Latin words of the guide in Chinese. */
async function check(page, step, lang, move) {
  const sentence = await readSentence(page);
  READ.push(`${step} [${lang}] ${move ? `${move.from} → ${move.to}` : 'first run'}:\n${sentence.text}\n`);
  const problems = sentenceProblems(sentence, step, lang, move);
  if (BAR_STEPS.has(step)) {
    // The chart draws in an effect after the sentence: give it a few seconds to show the same run.
    let found = [];
    for (let tries = 0; tries < 40; tries++) {
      found = chartProblems(sentence, await barLabels(page, `guide-chart-${step}`), step, lang);
      if (found.length === 0) break;
      await page.waitForTimeout(250);
    }
    problems.push(...found);
  }
  if (lang === 'zh') {
    for (const line of unexpectedLatin(await latinOnPage(page), [])) {
      if (line.includes('guide')) problems.push(`${step}: ${line}`);
    }
  }
  return problems;
}

/**
 * Clicks step `i` and waits for its run. A step visited before shows its remembered run at once and then reruns at
 * the same value, so the wait is for a run after the click; the step already on screen is not rerun.
 */
async function visit(page, i) {
  const current = await page.getAttribute(tid('guide-step'), 'data-step');
  const runs = Number(await page.getAttribute(tid('guide'), 'data-runs'));
  await page.click(tid(`guide-step-${i + 1}`));
  const value = await page.getAttribute(tid('guide-step'), 'data-value');
  await shownFor(page, STEPS[i], value, current === STEPS[i] ? -1 : runs);
  return value;
}

export const guideTruthTests = [
  {
    name: 'guide truth: every sentence of the walk-through against its own numbers, each "try it" at both ends (zh, en)',
    async fn({ open }) {
      const { page } = await open({ locale: 'zh-CN' });
      await waitForRunDone(page); // demo-small: 40 couriers, the guide runs 2 replications of its first and last arm
      await page.click(`${tid('guide')} > summary`);
      const problems = [];
      const ends = {};
      for (const [i, step] of STEPS.entries()) {
        const start = await at(`step ${step}`, () => visit(page, i));
        problems.push(...(await check(page, step, 'zh', null)));
        const range = page.locator(tid('guide-try-range'));
        const [min, max] = [await range.getAttribute('min'), await range.getAttribute('max')];
        ends[step] = { min, max };
        let from = start;
        for (const to of [min, max]) {
          if (Number(to) === Number(from)) continue;
          const runs = Number(await page.getAttribute(tid('guide'), 'data-runs'));
          await setControl(page, to);
          await at(`step ${step} at ${to}`, () => shownFor(page, step, to, runs));
          problems.push(...(await check(page, step, 'zh', { from, to })));
          from = to;
        }
      }
      mkdirSync(SHOTS, { recursive: true });
      const shoot = async (name) => {
        await page.locator(tid('guide')).scrollIntoViewIfNeeded();
        await page.locator(tid('guide')).screenshot({ path: join(SHOTS, name) });
      };
      // Two steps again, remembered at the top of the range with the bottom before it, then in English.
      for (const i of [1, 2]) {
        await at(`back to step ${STEPS[i]}`, () => visit(page, i));
        problems.push(...(await check(page, STEPS[i], 'zh', { from: ends[STEPS[i]].min, to: ends[STEPS[i]].max })));
        await shoot(`zh-step${i + 1}-${STEPS[i]}.png`);
      }
      await page.click(tid('language-toggle'));
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      for (const i of [1, 2]) {
        await at(`step ${STEPS[i]} in English`, () => visit(page, i));
        problems.push(...(await check(page, STEPS[i], 'en', { from: ends[STEPS[i]].min, to: ends[STEPS[i]].max })));
        await shoot(`en-step${i + 1}-${STEPS[i]}.png`);
      }
      writeFileSync(join(SHOTS, 'sentences.txt'), READ.join('\n'));
      assert(problems.length === 0, `sentences that do not match their numbers:\n      ${problems.join('\n      ')}`);
    },
  },
];
