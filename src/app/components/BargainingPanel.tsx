/**
 * The bargaining section: the target finder (`target-panel`), the sensitivity tornado (`tornado-panel`, `chart-tornado`)
 * and the zone of agreement (`zone-panel`, `chart-zone`). Each runs on the shared worker pool with progress and Cancel,
 * through the same analysis functions as `fairpace target`, `fairpace sensitivity` and `fairpace zone`.
 */
import { useEffect, useMemo, useState } from 'react';
import {
  findTarget,
  SENSITIVITY_PATHS,
  sensitivity,
  zoneOfAgreement,
  type LabelContext,
  type TargetOp,
  type TargetSpec,
  type ZoneResult,
} from '../../analysis/index.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { armNames } from '../armNames.ts';
import { tornadoChart } from '../charts/tornadoChart.ts';
import { zoneChart } from '../charts/zoneChart.ts';
import { shownTargetValue, unionLimitPercent, ZONE_PERCENTILES, zonePayValues } from '../bargainDefaults.ts';
import { paramLabel } from '../editor/paramLabel.ts';
import { HEADLINE_METRICS } from '../headlineMetrics.ts';
import type { Lang, Translate } from '../i18n.ts';
import {
  contextOf,
  differenceUnitOf,
  formatMetric,
  formatWithUnit,
  metricName,
  scaleOf,
  unitOf,
} from '../metricDisplay.ts';
import type { BargainJob, BargainingJobs } from '../useBargainJob.ts';
import { PlotFigure } from './PlotFigure.tsx';
import { ProgressRow } from './ProgressRow.tsx';

interface Props {
  /** The scenario as edited, or null while it is invalid. */
  scenario: Scenario | null;
  /** The three jobs, owned by the App so that Export can carry their results. */
  jobs: BargainingJobs;
  /** True while a comparison, sweep or export runs on the pool. */
  busy: boolean;
  lang: Lang;
  t: Translate;
  /** Told when a bargaining job starts or ends, so the other runs wait for it. */
  onRunning: (running: boolean) => void;
}

/** Parameters the panels move (rule paths, set in every arm). */
const PARAMS = ['rules.pay.base', 'rules.pay.commissionRate', 'rules.deadline.percentile'] as const;
const OPS: TargetOp[] = ['<=', '>=', '<', '>'];
/** Most values the app's target search evaluates (the CLI's --max-steps). */
export const APP_TARGET_STEPS = 12;

/** A parameter's name: the editor's label with its unit, the same in every panel. */
const paramName = (p: string, t: Translate) => paramLabel(p, t);

const num = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim()));
const reps = (text: string) => {
  const n = num(text);
  return Number.isInteger(n) && n >= 1 ? n : undefined;
};
const plain = (x: number) => String(Number(x.toPrecision(6)));

/** A limit row: metric, operator and threshold (in display units, e.g. % for shares). */
interface LimitText {
  metric: string;
  op: TargetOp;
  threshold: string;
}

function toSpec(row: LimitText): TargetSpec | null {
  const v = num(row.threshold);
  if (!Number.isFinite(v)) return null;
  return { metric: row.metric, op: row.op, threshold: v / scaleOf(row.metric) };
}

function LimitRow({
  id,
  row,
  onChange,
  lang,
  context,
  t,
}: {
  id: string;
  row: LimitText;
  onChange: (r: LimitText) => void;
  lang: Lang;
  context: Partial<LabelContext>;
  t: Translate;
}) {
  const unit = unitOf(row.metric, lang);
  return (
    <>
      <label className="wide">
        <span>{t('bargain.metric')}</span>
        <select
          data-testid={`${id}-metric`}
          value={row.metric}
          onChange={(e) => onChange({ ...row, metric: e.target.value })}
        >
          {HEADLINE_METRICS.map((path) => (
            <option key={path} value={path}>
              {metricName(path, lang, context)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('bargain.op')}</span>
        <select
          data-testid={`${id}-op`}
          value={row.op}
          onChange={(e) => onChange({ ...row, op: e.target.value as TargetOp })}
        >
          {OPS.map((op) => (
            <option key={op} value={op}>
              {op}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>
          {t('bargain.threshold')}
          {unit ? t('editor.unitInParens', { unit }) : ''}
        </span>
        <input
          data-testid={`${id}-threshold`}
          inputMode="decimal"
          value={row.threshold}
          onChange={(e) => onChange({ ...row, threshold: e.target.value })}
        />
      </label>
    </>
  );
}

function ParamSelect({
  id,
  value,
  onChange,
  t,
}: {
  id: string;
  value: string;
  onChange: (v: string) => void;
  t: Translate;
}) {
  return (
    <select data-testid={id} value={value} onChange={(e) => onChange(e.target.value)}>
      {PARAMS.map((p) => (
        <option key={p} value={p}>
          {paramName(p, t)}
        </option>
      ))}
    </select>
  );
}

/** Run / Cancel buttons, the progress bar and the status line of one job. */
function JobControls<T>({
  id,
  job,
  canRun,
  blocked,
  t,
  onRun,
}: {
  id: string;
  job: BargainJob<T>;
  canRun: boolean;
  blocked: boolean;
  t: Translate;
  onRun: () => void;
}) {
  const { phase } = job;
  const running = phase.kind === 'running';
  const progress = running ? phase : phase.kind === 'done' ? { done: phase.total, total: phase.total } : null;
  return (
    <>
      <div className="buttons">
        <button
          type="button"
          className="primary"
          data-testid={`${id}-run`}
          disabled={!canRun || running || blocked}
          onClick={onRun}
        >
          {t('bargain.run')}
        </button>
        <button type="button" data-testid={`${id}-cancel`} disabled={!running} onClick={job.cancel}>
          {t('run.cancel')}
        </button>
      </div>
      {progress && progress.total > 0 && (
        <ProgressRow
          testId={`${id}-progress`}
          done={progress.done}
          total={progress.total}
          caption={t('run.progress', { done: progress.done, total: progress.total })}
          ariaLabel={t('run.running')}
        />
      )}
      <p
        className={phase.kind === 'error' ? 'status error' : 'status'}
        role="status"
        data-testid={`${id}-status`}
        data-phase={phase.kind}
      >
        {blocked && !running && t('bargain.busy')}
        {phase.kind === 'done' &&
          t('bargain.done', { total: phase.total, seconds: (phase.elapsedMs / 1000).toFixed(1) })}
        {phase.kind === 'cancelled' && t('run.cancelled')}
        {phase.kind === 'error' && t('run.error', { message: phase.message })}
      </p>
    </>
  );
}

/** The whole bargaining section. */
export function BargainingPanel({ scenario, jobs, busy, lang, t, onRunning }: Props) {
  const { target, tornado, zone } = jobs;
  const running = [target, tornado, zone].some((j) => j.phase.kind === 'running');
  useEffect(() => onRunning(running), [running, onRunning]);
  const blocked = busy || running;
  const names = useMemo(() => (scenario ? armNames(scenario, lang) : {}), [scenario, lang]);
  const context = useMemo(() => contextOf(scenario), [scenario]);
  const lastArm = scenario?.arms.at(-1)?.id ?? '';

  // ── target ──
  const [tParam, setTParam] = useState<string>('rules.pay.base');
  const [tMin, setTMin] = useState('0');
  const [tMax, setTMax] = useState('40');
  const [tArm, setTArm] = useState('');
  const [tReps, setTReps] = useState('');
  const [tRow, setTRow] = useState<LimitText>({ metric: 'earnings.shareBelowMinWage', op: '<=', threshold: '5' });
  const tSpec = toSpec(tRow);
  const tOk = scenario !== null && tSpec !== null && num(tMax) > num(tMin);
  const runTarget = () => {
    if (!scenario || !tSpec) return;
    target.run((execute, onProgress, signal) =>
      findTarget(
        scenario,
        {
          param: tParam,
          min: num(tMin),
          max: num(tMax),
          targets: [tSpec],
          arm: tArm || lastArm,
          replications: reps(tReps),
          maxSteps: APP_TARGET_STEPS,
        },
        execute,
        onProgress,
        signal,
      ),
    );
  };

  // ── tornado ──
  const [sReps, setSReps] = useState('');
  const [sMetric, setSMetric] = useState('safety.relativeCrashRisk');
  const runTornado = () => {
    if (!scenario) return;
    tornado.run((execute, onProgress, signal) =>
      sensitivity(scenario, { replications: reps(sReps) }, execute, onProgress, signal),
    );
  };
  const tornadoFigure = useMemo(() => {
    const r = tornado.result;
    if (!r) return null;
    const [a = '', b = ''] = r.arms;
    const unit = differenceUnitOf(sMetric, lang);
    const name = metricName(sMetric, lang, context);
    return tornadoChart(
      r,
      sMetric,
      (p) => paramLabel(p, t),
      {
        title: t('tornado.title', { metric: name }),
        caption: t('tornado.caption', { diff: `${names[b] ?? b} − ${names[a] ?? a}` }),
        x: unit ? `${name}${t('editor.unitInParens', { unit })}` : name,
        low: t('tornado.low'),
        high: t('tornado.high'),
      },
      scaleOf(sMetric),
    );
  }, [tornado.result, sMetric, t, names, lang, context]);

  // ── zone ──
  const [zx, setZx] = useState<string>('rules.deadline.percentile');
  const [zxValues, setZxValues] = useState(ZONE_PERCENTILES.join(','));
  const [zy, setZy] = useState<string>('rules.pay.base');
  // Until the person types their own, the pay values and the union's limit follow the scenario on screen.
  const [zyTyped, setZyValues] = useState<string | null>(null);
  const zyValues = zyTyped ?? (scenario ? zonePayValues(scenario).join(',') : '');
  const [zReps, setZReps] = useState('');
  const [zUnionTyped, setZUnion] = useState<LimitText | null>(null);
  const zUnion: LimitText = zUnionTyped ?? {
    metric: 'earnings.shareBelowMinWage',
    op: '<=',
    threshold: scenario ? String(unionLimitPercent(scenario)) : '',
  };
  const [zPlatform, setZPlatform] = useState<LimitText>({ metric: 'platform.margin', op: '>=', threshold: '0' });
  const values = (text: string) => {
    const list = text.split(',').map(num);
    return list.length > 0 && list.every(Number.isFinite) && new Set(list).size === list.length ? list : null;
  };
  const xs = values(zxValues);
  const ys = values(zyValues);
  const zSpecs = [toSpec(zUnion), toSpec(zPlatform)];
  const zOk = scenario !== null && xs !== null && ys !== null && zx !== zy && zSpecs.every((s) => s !== null);
  const runZone = () => {
    const [u, p] = zSpecs;
    if (!scenario || !xs || !ys || !u || !p) return;
    zone.run((execute, onProgress, signal) =>
      zoneOfAgreement(
        scenario,
        {
          x: { param: zx, values: xs },
          y: { param: zy, values: ys },
          union: [u],
          platform: [p],
          replications: reps(zReps),
        },
        execute,
        onProgress,
        signal,
      ),
    );
  };
  const zoneFigure = useMemo(() => {
    const r = zone.result;
    if (!r) return null;
    return zoneChart(r, {
      title: t('zone.title'),
      caption: t('zone.caption'),
      x: paramName(r.x.param, t),
      y: paramName(r.y.param, t),
      status: {
        both: t('zone.both'),
        unionOnly: t('zone.unionOnly'),
        platformOnly: t('zone.platformOnly'),
        neither: t('zone.neither'),
      },
    });
  }, [zone.result, t]);

  const fmt = (path: string, v: number | undefined) => formatWithUnit(path, v, lang);
  // Courier pay and margin per day, in the catalogue's unit and decimals (whole CNY).
  const money = (v: number | undefined, signed = true) => formatMetric('platform.margin', v, lang, signed);
  const tr = target.result;
  const zr = zone.result;
  const pickText = (r: ZoneResult, i: number) => {
    const c = r.cells[i];
    return c
      ? { x: `${paramName(r.x.param, t)} = ${plain(c.x)}`, y: `${paramName(r.y.param, t)} = ${plain(c.y)}` }
      : { x: '', y: '' };
  };

  return (
    <section className="bargaining" aria-labelledby="bargaining-heading" data-testid="bargaining">
      <h2 id="bargaining-heading">{t('bargain.heading')}</h2>
      <p className="hint">{t('bargain.intro')}</p>

      <div className="bargain-panel" data-testid="target-panel">
        <h3>{t('target.heading')}</h3>
        <p className="hint">{t('target.intro')}</p>
        <div className="sweep-form">
          <label className="wide">
            <span>{t('bargain.param')}</span>
            <ParamSelect id="target-param" value={tParam} onChange={setTParam} t={t} />
          </label>
          <label>
            <span>{t('target.min')}</span>
            <input
              data-testid="target-min"
              inputMode="decimal"
              value={tMin}
              onChange={(e) => setTMin(e.target.value)}
            />
          </label>
          <label>
            <span>{t('target.max')}</span>
            <input
              data-testid="target-max"
              inputMode="decimal"
              value={tMax}
              onChange={(e) => setTMax(e.target.value)}
            />
          </label>
          <label>
            <span>{t('bargain.arm')}</span>
            <select data-testid="target-arm" value={tArm || lastArm} onChange={(e) => setTArm(e.target.value)}>
              {Object.entries(names).map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('bargain.replications')}</span>
            <input
              data-testid="target-replications"
              inputMode="numeric"
              placeholder={String(scenario?.replications ?? '')}
              value={tReps}
              onChange={(e) => setTReps(e.target.value)}
            />
          </label>
          <LimitRow id="target" row={tRow} onChange={setTRow} lang={lang} context={context} t={t} />
        </div>
        <JobControls id="target" job={target} canRun={tOk} blocked={blocked} t={t} onRun={runTarget} />
        {tr && (
          <div
            className="bargain-result"
            data-testid="target-result"
            data-reached={String(tr.reached)}
            data-value={tr.value ?? ''}
          >
            {tr.reached && tr.targets[0] ? (
              <p>
                {t('target.found', {
                  param: paramName(tr.param, t),
                  value: shownTargetValue(tr.param, tr.value ?? Number.NaN, tr.direction),
                  metric: metricName(tr.targets[0].metric, lang, context),
                  mean: fmt(tr.targets[0].metric, tr.targets[0].achieved ?? undefined),
                  low: fmt(tr.targets[0].metric, tr.targets[0].ci95?.[0]),
                  high: fmt(tr.targets[0].metric, tr.targets[0].ci95?.[1]),
                })}
              </p>
            ) : (
              <p>{t('target.notFound')}</p>
            )}
            {tr.platformCost && (
              <p data-testid="target-cost" data-pay-change={tr.platformCost.change.courierPay.mean}>
                {t('target.cost', {
                  current: plain(tr.platformCost.currentValue),
                  pay: money(tr.platformCost.change.courierPay.mean),
                  payLow: money(tr.platformCost.change.courierPay.ci95[0]),
                  payHigh: money(tr.platformCost.change.courierPay.ci95[1]),
                  margin: money(tr.platformCost.change.margin.mean),
                })}
              </p>
            )}
            {!tr.monotone && <p className="hint">{t('target.notMonotone')}</p>}
          </div>
        )}
      </div>

      <div className="bargain-panel" data-testid="tornado-panel">
        <h3>{t('tornado.heading')}</h3>
        <p className="hint">{t('tornado.intro')}</p>
        <div className="sweep-form">
          <label className="wide">
            <span>{t('bargain.metric')}</span>
            <select data-testid="tornado-metric" value={sMetric} onChange={(e) => setSMetric(e.target.value)}>
              {SENSITIVITY_PATHS.map((path) => (
                <option key={path} value={path}>
                  {metricName(path, lang, context)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('bargain.replications')}</span>
            <input
              data-testid="tornado-replications"
              inputMode="numeric"
              placeholder={String(scenario?.replications ?? '')}
              value={sReps}
              onChange={(e) => setSReps(e.target.value)}
            />
          </label>
        </div>
        <JobControls
          id="tornado"
          job={tornado}
          canRun={scenario !== null && scenario.arms.length >= 2}
          blocked={blocked}
          t={t}
          onRun={runTornado}
        />
        {tornadoFigure && <PlotFigure options={tornadoFigure} testId="chart-tornado" />}
        {tornado.result && (
          <p className="hint" data-testid="tornado-flips">
            {tornado.result.params.some((p) => p.flips.length > 0)
              ? t('tornado.flips', {
                  list: tornado.result.params
                    .filter((p) => p.flips.length > 0)
                    .map((p) => paramLabel(p.path, t, false))
                    .join(t('export.listSeparator')),
                })
              : t('tornado.noFlips')}
          </p>
        )}
      </div>

      <div className="bargain-panel" data-testid="zone-panel">
        <h3>{t('zone.heading')}</h3>
        <p className="hint">{t('zone.intro')}</p>
        <div className="sweep-form">
          <label className="wide">
            <span>{t('zone.x')}</span>
            <ParamSelect id="zone-x" value={zx} onChange={setZx} t={t} />
          </label>
          <label>
            <span>{t('zone.values')}</span>
            <input
              className="list"
              data-testid="zone-x-values"
              value={zxValues}
              onChange={(e) => setZxValues(e.target.value)}
            />
          </label>
          <label className="wide">
            <span>{t('zone.y')}</span>
            <ParamSelect id="zone-y" value={zy} onChange={setZy} t={t} />
          </label>
          <label>
            <span>{t('zone.values')}</span>
            <input
              className="list"
              data-testid="zone-y-values"
              value={zyValues}
              onChange={(e) => setZyValues(e.target.value)}
            />
          </label>
          <label>
            <span>{t('bargain.replications')}</span>
            <input
              data-testid="zone-replications"
              inputMode="numeric"
              placeholder={String(scenario?.replications ?? '')}
              value={zReps}
              onChange={(e) => setZReps(e.target.value)}
            />
          </label>
        </div>
        <fieldset className="sweep-form">
          <legend>{t('zone.union')}</legend>
          <LimitRow id="zone-union" row={zUnion} onChange={setZUnion} lang={lang} context={context} t={t} />
        </fieldset>
        <fieldset className="sweep-form">
          <legend>{t('zone.platform')}</legend>
          <LimitRow id="zone-platform" row={zPlatform} onChange={setZPlatform} lang={lang} context={context} t={t} />
        </fieldset>
        {(xs === null || ys === null) && <p className="error">{t('zone.badValues')}</p>}
        <JobControls id="zone" job={zone} canRun={zOk} blocked={blocked} t={t} onRun={runZone} />
        {zoneFigure && <PlotFigure options={zoneFigure} testId="chart-zone" />}
        {zr && (
          <div
            className="bargain-result"
            data-testid="zone-summary"
            data-agreed={zr.agreedCells}
            data-cells={zr.cells.length}
          >
            <p>{t('zone.summary', { agreed: zr.agreedCells, cells: zr.cells.length })}</p>
            <p data-testid="zone-cheapest" data-index={zr.cheapestForPlatform?.index ?? ''}>
              {zr.cheapestForPlatform
                ? t('zone.cheapest', {
                    ...pickText(zr, zr.cheapestForPlatform.index),
                    margin: money(zr.cells[zr.cheapestForPlatform.index]?.metrics['platform.margin']?.mean, false),
                  })
                : t('zone.cheapestNone')}
            </p>
            <p data-testid="zone-best-union" data-index={zr.bestForUnion?.index ?? ''}>
              {zr.bestForUnion
                ? t('zone.bestUnion', {
                    ...pickText(zr, zr.bestForUnion.index),
                    share: fmt(
                      'earnings.shareBelowMinWage',
                      zr.cells[zr.bestForUnion.index]?.metrics['earnings.shareBelowMinWage']?.mean,
                    ),
                  })
                : t('zone.bestUnionNone')}
            </p>
          </div>
        )}
      </div>
    </section>
  );
}
