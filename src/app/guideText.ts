/**
 * The walk-through's sentences, made from the step's own runs (issue 22, item 1): a fixed lead that explains the
 * mechanism and states no measured direction, then claims whose every direction word comes from guideClaims.ts's
 * rules (a paired 95% interval that excludes zero, or a clear least-squares trend), and, once the person has moved the
 * step's "try it" control, what that move did between the two runs they made (same seeds, so a paired change),
 * saying plainly when it contradicts the step's general claim. Both languages are made at once; the Chinese names
 * arms by their display names and metrics by the catalogue's labels, never by paths or ids.
 */
import {
  armDisplayName,
  labelContext,
  metricLabels,
  metricUnit,
  type Bi,
  type Comparison,
  type Difference,
  type RunsCalibration,
} from '../analysis/index.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { Metrics } from '../sim/results.ts';
import { metricAt } from '../analysis/metricPaths.ts';
import {
  diffClaim,
  HIGHER,
  LONGER,
  MORE,
  moveClaim,
  quoteOnce,
  ROSE,
  trendClaim,
  type Claim,
  type Compared,
  type Shown,
} from './guideClaims.ts';
import { percentileOf, RATCHET_WINDOW_DAYS, type GuideStep } from './guideSteps.ts';
import { GUIDE_EN, GUIDE_ZH } from './i18nGuide.ts';

/** One run of a guide step, as the sentences need it: its metrics and its mean promise day by day. */
export interface GuideRun {
  metrics: Metrics;
  promisedByDay: number[];
}

/** A finished guide run: what it ran, the comparison, the model check, the delivery times and each run kept. */
export interface GuideOutcome {
  step: GuideStep;
  value: number;
  scenario: Scenario;
  comparison: Comparison;
  calibration: RunsCalibration;
  /** Minutes from order to door of the looser arm's first run (the first step's chart). */
  minutes: number[];
  /** Each arm's runs (comparison order), one per seed (in `comparison.seeds` order). */
  runs: GuideRun[][];
  /** The digest of the editor's scenario the step ran from: two runs pair only when it is the same. */
  baseDigest: string;
  /** How many guide runs have finished on this page, this one included. */
  serial: number;
}

/** The last run of a step, and the one before it at another value of the control (the "try it" pair). */
export interface StepMemory {
  current: GuideOutcome;
  previous: GuideOutcome | null;
}
export type GuideMemory = Partial<Record<GuideStep, StepMemory>>;

const sameSeeds = (a: Comparison, b: Comparison) =>
  a.seeds.length === b.seeds.length && a.seeds.every((s, i) => s === b.seeds[i]);

/**
 * Remembers a finished run: it becomes the step's current run, and the run it replaces becomes the previous one when
 * it was made at another value from the same scenario (a rerun at the same value keeps the earlier pair; a changed
 * scenario forgets it).
 */
export function remember(memory: GuideMemory, out: GuideOutcome): GuideMemory {
  const had = memory[out.step];
  if (had?.current === out) return memory;
  let previous: GuideOutcome | null = null;
  if (had && had.current.baseDigest === out.baseDigest && sameSeeds(had.current.comparison, out.comparison)) {
    previous = had.current.value !== out.value ? had.current : had.previous;
  }
  return { ...memory, [out.step]: { current: out, previous } };
}

/** A guide sentence: the lead, the measured claims, and a closing line (the prompt to move the control, say). */
export interface GuideSentence {
  lead: Bi;
  claims: Claim[];
  tail: Bi | null;
}

type GuideKey = keyof typeof GUIDE_ZH;
const fillIn = (text: string, vars: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (whole, k: string) => (k in vars ? String(vars[k]) : whole));
/** A guide message in both languages; values that are themselves bilingual are filled per language. */
function say(key: GuideKey, vars: Record<string, string | number | Bi> = {}): Bi {
  const pick = (lang: keyof Bi) =>
    Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, typeof v === 'object' ? v[lang] : v]));
  return { zh: fillIn(GUIDE_ZH[key], pick('zh')), en: fillIn(GUIDE_EN[key], pick('en')) };
}

/**
 * How a metric is shown: the catalogue's unit and decimals; a difference one decimal finer when the unit has fewer
 * than two (so that a small difference of a share or of yuan a day does not print as 0), else as fine as the values.
 */
function shownOf(path: string): Shown {
  const u = metricUnit(path);
  const diffDigits = u.digits >= 2 ? u.digits : u.digits + 1;
  return { scale: u.scale, digits: u.digits, unit: u.text, diffUnit: u.differenceText, diffDigits };
}

const negate = (d: Difference): Difference => ({ mean: -d.mean, ci95: [-d.ci95[1], -d.ci95[0]] });
const NAN_DIFF: Difference = { mean: Number.NaN, ci95: [Number.NaN, Number.NaN] };
const at = (m: Metrics, path: string) => metricAt(m, path) ?? Number.NaN;
const sign = (from: number, to: number): 'up' | 'down' => (to > from ? 'up' : 'down');
const trim = (x: number) => String(Number(x.toFixed(2)));

/** Everything the step sentences share: the arms' names, the labels' context, the control's move. */
function contextOf(out: GuideOutcome, previous: GuideOutcome | null) {
  const [a, b] = out.comparison.arms;
  const strict = a ? armDisplayName(out.scenario, a.id) : { zh: '', en: '' };
  const loose = b ? armDisplayName(out.scenario, b.id) : { zh: '', en: '' };
  const context = labelContext(out.scenario);
  const label = (path: string) => metricLabels(path, context);
  const move =
    previous && previous.step === out.step && previous.value !== out.value
      ? {
          previous,
          control: {
            name: say(`guide.try.${out.step}` as GuideKey),
            from: trim(previous.value),
            to: trim(out.value),
          },
          expect: (claimed: 'up' | 'down') =>
            claimed === 'up' ? sign(previous.value, out.value) : sign(out.value, previous.value),
        }
      : null;
  /** The per-seed values of a metric of arm `i` in a run. */
  const seeds = (o: GuideOutcome, i: number, read: (r: GuideRun) => number) => (o.runs[i] ?? []).map(read);
  const metric = (path: string) => (r: GuideRun) => at(r.metrics, path);
  const diff = (path: string) => out.comparison.differences[path] ?? NAN_DIFF;
  const prompt = (claim: GuideKey): Bi =>
    say('guide.prompt', { control: say(`guide.try.${out.step}` as GuideKey), claim: say(claim) });
  return { a, b, strict, loose, label, move, seeds, metric, diff, prompt };
}

/** The sentence of a step's run, with the move from `previous` (the same step at another value) when given. */
export function guideSentence(out: GuideOutcome, previous: GuideOutcome | null): GuideSentence {
  const s = stepSentence(out, previous);
  return { ...s, claims: quoteOnce(s.claims) };
}

function stepSentence(out: GuideOutcome, previous: GuideOutcome | null): GuideSentence {
  const c = contextOf(out, previous);
  const { a, b, strict, loose, label, move, seeds, metric, diff } = c;
  if (!a || !b) return { lead: { zh: '', en: '' }, claims: [], tail: null };
  const twoArms = { a: strict, b: loose };
  const mean = (path: string) => ({ a: at(a.metrics, path), b: at(b.metrics, path) });
  const claimed = (key: GuideKey, expect: 'up' | 'down') => ({ words: say(key), expect });
  const step = out.step;

  if (step === 'promise') {
    const path = 'service.onTimeRate';
    const p = Math.round(out.value);
    const lead = say('guide.say.promise', {
      loose,
      orders: Math.round(out.minutes.length / Math.max(1, out.scenario.time.days)),
      p,
      pMin: Math.round(percentileOf(out.minutes, p)),
      p50Min: Math.round(percentileOf(out.minutes, 50)),
    });
    const claims = [
      diffClaim({ label: label(path), shown: shownOf(path), words: HIGHER }, twoArms, mean(path), negate(diff(path))),
    ];
    if (!move) return { lead, claims, tail: c.prompt('guide.claim.promise') };
    const moved: Compared = {
      label: say('guide.move.promise'),
      shown: shownOf(path),
      words: ROSE,
      claim: claimed('guide.claim.promise', move.expect('up')),
    };
    claims.push(moveClaim(moved, move.control, seeds(move.previous, 0, metric(path)), seeds(out, 0, metric(path))));
    return { lead, claims, tail: null };
  }

  if (step === 'pressure') {
    const speeding = 'safety.speedingKmShare';
    const red = 'safety.redLightRunsPerCourierDay';
    const pushes = claimed('guide.claim.pressure', 'up');
    const lead = say('guide.say.pressure', { strict, loose });
    const claims = [
      diffClaim(
        { label: label(speeding), shown: shownOf(speeding), words: HIGHER, claim: pushes },
        twoArms,
        mean(speeding),
        negate(diff(speeding)),
      ),
      diffClaim(
        { label: label(red), shown: shownOf(red), words: MORE, claim: pushes },
        twoArms,
        mean(red),
        negate(diff(red)),
      ),
    ];
    if (!move) return { lead, claims, tail: c.prompt('guide.claim.fine') };
    const moved: Compared = {
      label: say('guide.move.pressure', { strict }),
      shown: shownOf(speeding),
      words: ROSE,
      claim: claimed('guide.claim.fine', move.expect('up')),
    };
    claims.push(
      moveClaim(moved, move.control, seeds(move.previous, 0, metric(speeding)), seeds(out, 0, metric(speeding))),
    );
    return { lead, claims, tail: null };
  }

  if (step === 'ratchet') {
    const shown = shownOf('perDay.promisedMinMean');
    const window = out.scenario.rules.deadline.learning.windowDays || RATCHET_WINDOW_DAYS;
    const lead = say('guide.say.ratchet', { window, days: out.scenario.time.days });
    const tightens = claimed('guide.claim.ratchet', 'down');
    const series = (arm: typeof a) => arm.perDay.map((d) => d.promisedMinMean);
    const claims = [
      trendClaim({ label: say('guide.trend', { arm: strict }), shown, words: LONGER, claim: tightens }, series(a)),
      trendClaim({ label: say('guide.trend', { arm: loose }), shown, words: LONGER, claim: tightens }, series(b)),
    ];
    if (!move) return { lead, claims, tail: c.prompt('guide.claim.days') };
    const lastDay = (r: GuideRun) => r.promisedByDay.at(-1) ?? Number.NaN;
    const moved: Compared = {
      label: say('guide.move.ratchet', { strict }),
      shown,
      words: LONGER,
      claim: claimed('guide.claim.days', move.expect('down')),
    };
    claims.push(moveClaim(moved, move.control, seeds(move.previous, 0, lastDay), seeds(out, 0, lastDay)));
    return { lead, claims, tail: null };
  }

  if (step === 'pay') {
    const lead = say('guide.say.pay', { strict, loose });
    const paths = ['earnings.netPerOnlineHour.mean', 'workload.onlineHours.mean', 'safety.relativeCrashRisk'];
    const words = [HIGHER, MORE, HIGHER];
    const claims = paths.map((path, i) =>
      diffClaim(
        { label: label(path), shown: shownOf(path), words: words[i] ?? HIGHER },
        twoArms,
        mean(path),
        negate(diff(path)),
      ),
    );
    if (!move) return { lead, claims, tail: c.prompt('guide.claim.pay') };
    const path = 'earnings.netPerOnlineHour.mean';
    const pays = claimed('guide.claim.pay', move.expect('up'));
    for (const [i, arm] of [strict, loose].entries()) {
      const moved: Compared = { label: say('guide.move.pay', { arm }), shown: shownOf(path), words: ROSE, claim: pays };
      claims.push(moveClaim(moved, move.control, seeds(move.previous, i, metric(path)), seeds(out, i, metric(path))));
    }
    // The gap is reported, never asserted: "the gap stays" is what the numbers must show, if anything.
    const gap = (o: GuideOutcome) => seeds(o, 1, metric(path)).map((x, i) => x - (seeds(o, 0, metric(path))[i] ?? NaN));
    const gapShown: Compared = {
      label: say('guide.move.payGap', { strict, loose }),
      shown: shownOf(path),
      words: ROSE,
    };
    claims.push(moveClaim(gapShown, move.control, gap(move.previous), gap(out)));
    return { lead, claims, tail: null };
  }

  if (step === 'platform') {
    const lead = say('guide.say.platform', { strict, loose });
    const pays = 'platform.courierPay';
    const margin = 'platform.margin';
    const costs = (expect: 'up' | 'down') => claimed('guide.claim.platform', expect);
    const them = { a: loose, b: strict };
    const flip = (m: { a: number; b: number }) => ({ a: m.b, b: m.a });
    const claims = [
      diffClaim(
        { label: label(pays), shown: shownOf(pays), words: MORE, claim: costs('up') },
        them,
        flip(mean(pays)),
        diff(pays),
      ),
      diffClaim(
        { label: label(margin), shown: shownOf(margin), words: HIGHER, claim: costs('down') },
        them,
        flip(mean(margin)),
        diff(margin),
      ),
    ];
    if (!move) return { lead, claims, tail: c.prompt('guide.claim.revenue') };
    const room = claimed('guide.claim.revenue', move.expect('up'));
    for (const [i, arm] of [strict, loose].entries()) {
      const moved: Compared = {
        label: say('guide.move.platform', { arm }),
        shown: shownOf(margin),
        words: ROSE,
        claim: room,
      };
      claims.push(
        moveClaim(moved, move.control, seeds(move.previous, i, metric(margin)), seeds(out, i, metric(margin))),
      );
    }
    return { lead, claims, tail: null };
  }

  return modelSentence(out, move, c.label);
}

/** The last step: the model check's count, and which checks changed their verdict when the assumption moved. */
function modelSentence(
  out: GuideOutcome,
  move: { previous: GuideOutcome; control: { name: Bi; from: string; to: string } } | null,
  label: (path: string) => Bi,
): GuideSentence {
  const within = (cal: RunsCalibration) => cal.rows.filter((r) => r.status === 'within').length;
  const lead = say('guide.say.model', { judged: out.calibration.rows.length, within: within(out.calibration) });
  const control = say('guide.try.model');
  if (!move) return { lead, claims: [], tail: say('guide.prompt.model', { control }) };
  const before = new Map(move.previous.calibration.rows.map((r) => [`${r.id}`, r.status]));
  const changed = out.calibration.rows
    .filter((r) => before.has(r.id) && before.get(r.id) !== r.status)
    .map((r) =>
      say('guide.checks.row', {
        metric: label(r.metric),
        arm: armDisplayName(out.scenario, r.arm),
        before: say(`guide.checks.${before.get(r.id) ?? 'within'}` as GuideKey),
        after: say(`guide.checks.${r.status}` as GuideKey),
      }),
    );
  const head = say('guide.checks.move', {
    control,
    from: move.control.from,
    to: move.control.to,
    before: within(move.previous.calibration),
    after: within(out.calibration),
  });
  const list: Bi = { zh: changed.map((x) => x.zh).join('；'), en: changed.map((x) => x.en).join('; ') };
  const rest = changed.length === 0 ? say('guide.checks.none') : say('guide.checks.changed', { list });
  const claim: Claim = {
    kind: 'checks',
    direction: 'none',
    a: String(within(move.previous.calibration)),
    b: String(within(out.calibration)),
    lo: '',
    hi: '',
    zh: [`${head.zh}${rest.zh}`, '', ''],
    en: [`${head.en} ${rest.en}`, '', ''],
  };
  return { lead, claims: [claim], tail: null };
}

/** The whole sentence in one language, as plain text. */
export function plainSentence(s: GuideSentence, lang: keyof Bi): string {
  const sep = lang === 'zh' ? '' : ' ';
  const parts = [
    s.lead[lang],
    ...s.claims.map((c) => c[lang].join('') + (c.agreementText?.[lang] ?? '')),
    s.tail?.[lang] ?? '',
  ];
  return parts.filter((p) => p !== '').join(sep);
}
