/**
 * 一步步看懂 / Walk me through it (`data-testid="guide"`): six steps over live runs of the scenario in the editor, in
 * the manner of an explorable explanation: one plain sentence, one chart and one parameter to move per step. Moving
 * it (or turning to a step) runs the step's scenario on the worker pool; the sentence and the chart follow the run.
 */
import * as Plot from '@observablehq/plot';
import { useEffect, useMemo, useRef, useState } from 'react';
import { digestOf } from '../../scenario/canonical.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { armNames as namesOf } from '../armNames.ts';
import { barPanel } from '../charts/barPanel.ts';
import type { ChartArm, ChartFigure } from '../charts/chartTypes.ts';
import { armColour, REFERENCE_COLOUR } from '../charts/palette.ts';
import { perDayChart } from '../charts/perDayChart.ts';
import { platformChart } from '../charts/platformChart.ts';
import { safetyChart } from '../charts/safetyChart.ts';
import type { Claim } from '../guideClaims.ts';
import { GUIDE_STEPS, guideScenario, percentileOf, startValue, TRY, type GuideStep } from '../guideSteps.ts';
import { guideSentence, remember, type GuideMemory, type GuideSentence } from '../guideText.ts';
import type { Lang, MessageKey, Translate } from '../i18n.ts';
import { axisLabel, catalogueLang, contextOf, metricName, unitOf } from '../metricDisplay.ts';
import { useGuide, type GuideOutcome } from '../useGuide.ts';
import { modelCheckFigure } from './ModelCheckPanel.tsx';
import { PlotFigure } from './PlotFigure.tsx';

interface Props {
  /** The scenario in the editor, or null while it is invalid. */
  scenario: Scenario | null;
  lang: Lang;
  t: Translate;
}

/** The chart of one step's run. */
function stepChart(step: GuideStep, out: GuideOutcome, arms: ChartArm[], lang: Lang, t: Translate): ChartFigure {
  const context = contextOf(out.scenario);
  const axis = (path: string) => axisLabel(path, lang, context);
  if (step === 'promise') {
    const p = Math.round(out.value);
    const marks = [
      { x: percentileOf(out.minutes, p), label: `p${p}`, colour: armColour(0) },
      { x: percentileOf(out.minutes, 50), label: 'p50', colour: armColour(1) },
    ];
    const top = percentileOf(out.minutes, 99);
    return {
      title: t('guide.chart.promise.title'),
      caption: t('guide.chart.promise.caption'),
      layout: 'column',
      panels: [
        {
          height: 260,
          x: { label: t('guide.chart.promise.x'), domain: [0, Number.isFinite(top) ? top : 90] },
          y: { label: t('guide.chart.promise.y'), grid: true },
          marks: [
            Plot.rectY(
              out.minutes.filter((m) => m <= top),
              // The bins in a neutral grey; the two promises carry the arms' colours.
              {
                ...Plot.binX({ y: 'count' }, { x: (m: number) => m, thresholds: 40 }),
                fill: REFERENCE_COLOUR,
                fillOpacity: 0.45,
              },
            ),
            Plot.ruleX(marks, { x: 'x', stroke: 'colour', strokeWidth: 2.5 }),
            Plot.text(marks, { x: 'x', text: 'label', frameAnchor: 'top', dx: 4, textAnchor: 'start', fill: 'colour' }),
            Plot.ruleY([0]),
          ],
        },
      ],
    };
  }
  if (step === 'pressure') {
    return safetyChart(arms, out.scenario.compliance, {
      title: t('chart.safety.title'),
      caption: t('chart.safety.caption'),
      speeding: axis('safety.speedingKmShare'),
      redLights: axis('safety.redLightRunsPerCourierDay'),
      crashRisk: axis('safety.relativeCrashRisk'),
      limit: t('chart.safety.limit'),
      baseline: t('chart.safety.baseline'),
    });
  }
  if (step === 'ratchet') {
    return {
      title: t('chart.perday.title'),
      caption: t('guide.chart.ratchet.caption'),
      layout: 'column',
      panels: [
        perDayChart(arms, { title: '', caption: '', x: t('chart.perday.x'), y: axis('perDay.promisedMinMean') }),
      ],
    };
  }
  if (step === 'pay') {
    const bars = (path: string, read: (a: ChartArm) => number, digits: number) =>
      barPanel(
        arms.map((a) => ({ arm: a.name, value: read(a) })),
        axis(path),
        [],
        digits,
      );
    return {
      title: t('guide.chart.pay.title'),
      caption: t('guide.chart.pay.caption'),
      layout: 'column',
      panels: [
        bars('earnings.netPerOnlineHour.mean', (a) => a.metrics.earnings.netPerOnlineHour.mean, 2),
        bars('workload.onlineHours.mean', (a) => a.metrics.workload.onlineHours.mean, 2),
        bars('safety.relativeCrashRisk', (a) => a.metrics.safety.relativeCrashRisk, 3),
      ],
    };
  }
  if (step === 'platform') {
    return platformChart(arms, {
      title: t('chart.platform.title'),
      caption: t('chart.platform.caption'),
      y: unitOf('platform.margin', lang),
      revenue: metricName('platform.deliveryRevenue', lang, context),
      courierPay: metricName('platform.courierPay', lang, context),
      margin: metricName('platform.margin', lang, context),
    });
  }
  return modelCheckFigure(out.calibration, namesOf(out.scenario, lang), context, lang, t);
}

/**
 * One measured claim of a sentence. Its data attributes carry the shown numbers it was made from and its direction,
 * so that a test can hold the words against the digits (test/e2e/guideTruth.mjs).
 */
function ClaimText({ claim, lang }: { claim: Claim; lang: 'zh' | 'en' }) {
  const [before, verdict, after] = claim[lang];
  return (
    <span
      className="guide-claim"
      data-testid="guide-claim"
      data-kind={claim.kind}
      data-direction={claim.direction}
      data-expect={claim.expect}
      data-agreement={claim.agreement}
      data-a={claim.a}
      data-b={claim.b}
      data-lo={claim.lo}
      data-hi={claim.hi}
    >
      {before}
      {verdict && <strong data-testid="guide-verdict">{verdict}</strong>}
      {after}
      {claim.agreementText && <span data-testid="guide-agreement">{claim.agreementText[lang]}</span>}
    </span>
  );
}

/** A step's sentence: its lead, its claims one per line, and its closing line, in the reader's language. */
function SentenceText({ sentence, lang }: { sentence: GuideSentence; lang: Lang }) {
  const l = catalogueLang(lang);
  return (
    <>
      <p>{sentence.lead[l]}</p>
      {sentence.claims.length > 0 && (
        <ul>
          {sentence.claims.map((c, i) => (
            <li key={i}>
              <ClaimText claim={c} lang={l} />
            </li>
          ))}
        </ul>
      )}
      {sentence.tail && <p data-testid="guide-tail">{sentence.tail[l]}</p>}
    </>
  );
}

/** The walk-through. */
export function Guide({ scenario, lang, t }: Props) {
  const [open, setOpen] = useState(false);
  const [index, setIndex] = useState(0);
  const step = GUIDE_STEPS[index] ?? 'promise';
  const [typed, setTyped] = useState<Partial<Record<GuideStep, number>>>({});
  const value = typed[step] ?? (scenario ? startValue(scenario, step) : TRY[step].min);
  const guide = useGuide();
  const asked = useRef('');
  const [memory, setMemory] = useState<GuideMemory>({});

  const stepScenario = useMemo(() => (scenario ? guideScenario(scenario, step, value) : null), [scenario, step, value]);
  const twoArms = scenario !== null && scenario.arms.length >= 2;
  const { run } = guide;
  useEffect(() => {
    if (!open || !stepScenario) return;
    const key = `${step}:${value}:${digestOf(stepScenario)}`;
    if (key === asked.current) return;
    const timer = setTimeout(() => {
      asked.current = key;
      run(stepScenario, step, value, scenario ? digestOf(scenario) : '');
    }, 250);
    return () => clearTimeout(timer);
  }, [open, stepScenario, step, value, run, scenario]);
  const out = guide.result;
  const runs = out?.serial ?? 0;
  // Each step remembers its last run and the one before at another value: the sentence compares the two.
  useEffect(() => {
    if (out) setMemory((m) => remember(m, out));
  }, [out]);

  const remembered = memory[step];
  const shown = remembered?.current ?? null;
  const names = useMemo(() => (shown ? namesOf(shown.scenario, lang) : {}), [shown, lang]);
  const arms: ChartArm[] = useMemo(
    () =>
      shown
        ? shown.comparison.arms.map((a) => ({
            id: a.id,
            name: names[a.id] ?? a.id,
            metrics: a.metrics,
            perDay: a.perDay,
            perHour: a.perHour,
            speedHistogramKm: a.speedHistogramKm,
          }))
        : [],
    [shown, names],
  );
  const figure = useMemo(() => (shown ? stepChart(step, shown, arms, lang, t) : null), [shown, step, arms, lang, t]);
  const sentence = useMemo(
    () => (shown ? guideSentence(shown, remembered?.previous ?? null) : null),
    [shown, remembered],
  );
  const control = TRY[step];
  const set = (v: number) => setTyped((old) => ({ ...old, [step]: Math.min(control.max, Math.max(control.min, v)) }));
  const running = guide.phase.kind === 'running';

  return (
    <details
      className="guide"
      data-testid="guide"
      data-runs={runs}
      open={open}
      onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}
    >
      <summary>
        <h2>{t('guide.heading')}</h2>
      </summary>
      <p className="hint">{t('guide.intro', { reps: scenario ? Math.min(2, scenario.replications) : 2 })}</p>
      {!scenario && <p className="error">{t('guide.invalid')}</p>}
      {scenario && !twoArms && <p className="error">{t('guide.needsArms')}</p>}
      <nav className="guide-steps" aria-label={t('guide.heading')}>
        {GUIDE_STEPS.map((s, i) => (
          <button
            type="button"
            key={s}
            data-testid={`guide-step-${i + 1}`}
            aria-current={i === index ? 'step' : undefined}
            className={i === index ? 'current' : undefined}
            onClick={() => setIndex(i)}
          >
            {i + 1}. {t(`guide.title.${s}` as MessageKey)}
          </button>
        ))}
      </nav>
      {open && (
        <div
          className="guide-step"
          data-testid="guide-step"
          data-step={step}
          data-value={value}
          data-shown={shown ? `${shown.step}:${shown.value}` : ''}
        >
          <h3>
            {t('guide.stepOf', {
              n: index + 1,
              total: GUIDE_STEPS.length,
              title: t(`guide.title.${step}` as MessageKey),
            })}
          </h3>
          <div className="guide-sentence" data-testid="guide-sentence">
            {sentence && <SentenceText sentence={sentence} lang={lang} />}
          </div>
          <div className="guide-try" data-testid="guide-try">
            <label>
              <span>
                {t('guide.try')}
                {t(`guide.try.${step}` as MessageKey)}
              </span>
              <input
                type="range"
                data-testid="guide-try-range"
                min={control.min}
                max={control.max}
                step={control.step}
                value={value}
                onChange={(e) => set(Number(e.target.value))}
              />
              <output data-testid="guide-try-value">{value}</output>
            </label>
            <button type="button" data-testid="guide-try-minus" onClick={() => set(value - control.step)}>
              − {t('guide.minus')}
            </button>
            <button type="button" data-testid="guide-try-plus" onClick={() => set(value + control.step)}>
              + {t('guide.plus')}
            </button>
          </div>
          {scenario && twoArms && !stepScenario && <p className="error">{t('guide.badValue')}</p>}
          <p className="status" role="status" data-testid="guide-status" data-phase={guide.phase.kind}>
            {running ? t('guide.running') : t('guide.ran', { runs })}
            {guide.phase.kind === 'error' && ` ${t('run.error', { message: guide.phase.message })}`}
          </p>
          {figure && <PlotFigure options={figure} testId={`guide-chart-${step}`} />}
          <div className="guide-nav">
            <button type="button" data-testid="guide-prev" disabled={index === 0} onClick={() => setIndex(index - 1)}>
              ← {t('guide.prev')}
            </button>
            <button
              type="button"
              data-testid="guide-next"
              disabled={index === GUIDE_STEPS.length - 1}
              onClick={() => setIndex(index + 1)}
            >
              {t('guide.next')} →
            </button>
          </div>
        </div>
      )}
    </details>
  );
}
