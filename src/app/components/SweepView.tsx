/** The sweep view: one parameter over a range, each chosen metric along it with 95% intervals, and a trade-off chart. */
import { useMemo, useState } from 'react';
import { getPath } from '../../scenario/paths.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { armNames, plainArmNames } from '../armNames.ts';
import { sweepChart, type SweepMetric } from '../charts/sweepChart.ts';
import { tradeoffChart } from '../charts/tradeoffChart.ts';
import { GROUPS } from '../editor/fieldPaths.ts';
import { fieldLabel, fieldUnit } from '../editor/labels.ts';
import { HEADLINE_METRICS } from '../headlineMetrics.ts';
import type { Lang, Translate } from '../i18n.ts';
import { contextOf, metricName, scaleOf, unitOf } from '../metricDisplay.ts';
import { DEFAULT_PARAM, DEFAULT_RANGE, defaultRange, SWEEP_PARAMS as PARAMS, type RangeText } from '../sweepRange.ts';
import { sweepDifferences } from '../sweepSeries.ts';
import type { SweepRunner } from '../useSweep.ts';
import { PlotFigure } from './PlotFigure.tsx';
import { ProgressRow } from './ProgressRow.tsx';
import { ProvisionalBanner } from './ProvisionalMark.tsx';

interface Props {
  /** The scenario as edited, or null while it is invalid. */
  scenario: Scenario | null;
  sweep: SweepRunner;
  /** True while a comparison runs on the pool. */
  busy: boolean;
  lang: Lang;
  t: Translate;
}

const DEFAULT_METRICS = ['earnings.shareBelowMinWage', 'safety.relativeCrashRisk', 'platform.margin'];
const TRADEOFF_X = 'platform.margin';
const TRADEOFF_Y = ['safety.relativeCrashRisk', 'earnings.shareBelowMinWage', 'safety.speedingKmShare'];

function metricAxis(path: string, lang: Lang, scenario: Scenario | null): SweepMetric {
  return { path, name: metricName(path, lang, contextOf(scenario)), unit: unitOf(path, lang), scale: scaleOf(path) };
}

/** The sweep section (`sweep-param`, `sweep-run`, `chart-sweep`, `chart-tradeoff`). */
export function SweepView({ scenario, sweep, busy, lang, t }: Props) {
  const [param, setParam] = useState(DEFAULT_PARAM);
  const [range, setRange] = useState<RangeText>({ ...DEFAULT_RANGE });
  // By default the last arm alone: a sweep of a rule sets it in every arm, so arms that differ only in that rule
  // would draw the same line and every difference would be 0.
  const [armsPick, setArms] = useState<string | null>(null);
  const arms = armsPick ?? scenario?.arms.at(-1)?.id ?? '';
  const [metrics, setMetrics] = useState<string[]>(DEFAULT_METRICS);
  const [tradeoffY, setTradeoffY] = useState(TRADEOFF_Y[0] as string);
  const running = sweep.phase.kind === 'running';
  const values = [range.from, range.to, range.step].map((s) => Number(s.trim()));
  const rangeOk = values.every(
    (v, i) => range[(['from', 'to', 'step'] as const)[i] ?? 'from'].trim() !== '' && Number.isFinite(v),
  );

  const chooseParam = (next: string) => {
    setParam(next);
    setRange(defaultRange(next, scenario ? getPath(scenario, next) : undefined));
  };
  const start = () => {
    if (!scenario || !rangeOk) return;
    const [from = 0, to = 0, step = 0] = values;
    sweep.run(scenario, { param, from, to, step, arms: arms ? [arms] : [] }, HEADLINE_METRICS);
  };

  const outcome = sweep.result;
  const paramSpec = PARAMS.find((p) => p.key === (outcome?.request.param ?? param));
  const paramLabel = paramSpec
    ? `${fieldLabel(paramSpec, t)}${fieldUnit(paramSpec, t) ? ` (${fieldUnit(paramSpec, t)})` : ''}`
    : param;
  const chosen = HEADLINE_METRICS.filter((path) => metrics.includes(path));

  const charts = useMemo(() => {
    if (!outcome) return null;
    const names =
      outcome.request.param === DEFAULT_PARAM
        ? plainArmNames(outcome.scenario, lang)
        : armNames(outcome.scenario, lang);
    const ran = outcome.sweep.points[0]?.arms.map((a) => ({ id: a.id, name: names[a.id] ?? a.id })) ?? [];
    const [a, b] = ran;
    const x = TRADEOFF_X;
    const y = tradeoffY;
    return {
      sweep: sweepChart(
        {
          arms: ran,
          points: outcome.intervals,
          differences: sweepDifferences(outcome.sweep, chosen),
        },
        chosen.map((path) => metricAxis(path, lang, outcome.scenario)),
        {
          title: t('chart.sweep.title', { param: paramLabel }),
          caption: t(ran.length >= 2 ? 'chart.sweep.caption' : 'chart.sweep.captionOneArm'),
          x: paramLabel,
          difference: a && b ? `${b.name} − ${a.name}` : '',
        },
      ),
      tradeoff: tradeoffChart(
        outcome.sweep,
        names,
        metricAxis(x, lang, outcome.scenario),
        metricAxis(y, lang, outcome.scenario),
        {
          title: t('chart.tradeoff.title'),
          caption: t('chart.tradeoff.caption', { param: paramLabel }),
        },
      ),
    };
  }, [outcome, lang, t, chosen, tradeoffY, paramLabel]);

  const progress =
    sweep.phase.kind === 'running'
      ? sweep.phase
      : sweep.phase.kind === 'done'
        ? { done: sweep.phase.total, total: sweep.phase.total }
        : null;
  const stale = outcome !== null && scenario !== null && JSON.stringify(outcome.scenario) !== JSON.stringify(scenario);

  return (
    <section className="sweep" aria-labelledby="sweep-heading" data-testid="sweep">
      <h2 id="sweep-heading">{t('sweep.heading')}</h2>
      <p className="hint">{t('sweep.intro')}</p>
      <div className="sweep-form">
        <label className="wide">
          <span>{t('sweep.param')}</span>
          <select data-testid="sweep-param" value={param} onChange={(e) => chooseParam(e.target.value)}>
            {GROUPS.map((group) => {
              const own = PARAMS.filter((p) => p.group === group);
              return own.length === 0 ? null : (
                <optgroup key={group} label={t(`group.${group}`)}>
                  {own.map((p) => (
                    <option key={p.key} value={p.key}>
                      {fieldLabel(p, t)}
                    </option>
                  ))}
                </optgroup>
              );
            })}
          </select>
        </label>
        {(['from', 'to', 'step'] as const).map((k) => (
          <label key={k}>
            <span>{t(`sweep.${k}`)}</span>
            <input
              data-testid={`sweep-${k}`}
              inputMode="decimal"
              value={range[k]}
              onChange={(e) => setRange({ ...range, [k]: e.target.value })}
            />
          </label>
        ))}
        <label>
          <span>{t('sweep.arms')}</span>
          <select data-testid="sweep-arms" value={arms} onChange={(e) => setArms(e.target.value)}>
            <option value="">{t('sweep.allArms')}</option>
            {scenario &&
              Object.entries(armNames(scenario, lang)).map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
          </select>
        </label>
      </div>
      {param.startsWith('rules.') && <p className="hint">{t('sweep.rulesNote')}</p>}
      <fieldset className="sweep-metrics">
        <legend>{t('sweep.metrics')}</legend>
        {HEADLINE_METRICS.map((path) => (
          <label key={path}>
            <input
              type="checkbox"
              data-testid={`sweep-metric-${path}`}
              checked={metrics.includes(path)}
              onChange={(e) => setMetrics(e.target.checked ? [...metrics, path] : metrics.filter((p) => p !== path))}
            />{' '}
            {metricName(path, lang, contextOf(scenario))}
          </label>
        ))}
      </fieldset>
      <div className="buttons">
        <button
          type="button"
          className="primary"
          data-testid="sweep-run"
          disabled={!scenario || !rangeOk || running || busy}
          onClick={start}
        >
          {t('sweep.run')}
        </button>
        <button type="button" data-testid="sweep-cancel" disabled={!running} onClick={sweep.cancel}>
          {t('run.cancel')}
        </button>
      </div>
      {progress && (
        <ProgressRow
          testId="sweep-progress"
          done={progress.done}
          total={progress.total}
          caption={t('run.progress', { done: progress.done, total: progress.total })}
          ariaLabel={t('run.running')}
        />
      )}
      <p
        className={sweep.phase.kind === 'error' ? 'status error' : 'status'}
        role="status"
        data-testid="sweep-status"
        data-phase={sweep.phase.kind}
        data-replications={outcome?.sweep.replicationsByValue.join(',') ?? ''}
        data-runs={outcome?.runs ?? ''}
      >
        {!scenario && t('run.blocked')}
        {scenario && !rangeOk && t('sweep.badRange')}
        {busy && !running && t('sweep.busy')}
        {sweep.phase.kind === 'done' &&
          outcome &&
          t('sweep.done', {
            points: outcome.sweep.points.length,
            arms: outcome.sweep.points[0]?.arms.length ?? 0,
            replications: spanOf(outcome.sweep.replicationsByValue),
            runs: outcome.runs,
            fullRuns: outcome.fullRuns,
            seconds: (sweep.phase.elapsedMs / 1000).toFixed(1),
          })}
        {sweep.phase.kind === 'cancelled' && t('run.cancelled')}
        {sweep.phase.kind === 'error' && t('run.error', { message: sweep.phase.message })}
      </p>
      {stale && <p className="stale">{t('sweep.stale')}</p>}
      <ProvisionalBanner
        provisional={outcome?.provisional}
        t={t}
        testId="sweep-provisional"
        how="results.provisionalHowSweep"
      />
      {charts && (
        <div className="charts sweep-charts">
          <PlotFigure options={charts.sweep} testId="chart-sweep" />
          <label className="tradeoff-y">
            <span>{t('sweep.tradeoffY')}</span>
            <select data-testid="tradeoff-y" value={tradeoffY} onChange={(e) => setTradeoffY(e.target.value)}>
              {TRADEOFF_Y.map((path) => (
                <option key={path} value={path}>
                  {metricName(path, lang, contextOf(outcome?.scenario ?? scenario))}
                </option>
              ))}
            </select>
          </label>
          {charts.tradeoff && <PlotFigure options={charts.tradeoff} testId="chart-tradeoff" />}
        </div>
      )}
    </section>
  );
}

/** The replications the values ran on: `3` when all ran the same, else `3–5`. */
function spanOf(counts: readonly number[]): string {
  const [lo, hi] = [Math.min(...counts), Math.max(...counts)];
  return lo === hi ? String(lo) : `${lo}–${hi}`;
}
