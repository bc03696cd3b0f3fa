/**
 * The zone of agreement (`zone-panel`, `chart-zone`): a grid of two rules, each cell judged against the union's and
 * the platform's limits through the same batch as `fairpace zone`, and read from each side: the union's best cells
 * within the platform's limits, the platform's best within the union's, and the cells both accept. Each side's best
 * is its position, never a recommendation, and today's rule is named as such: the paragraphs report.html gives it
 * (src/evidence/views/bargainingView.ts, on the sentences of src/analysis/zoneText.ts).
 */
import { useMemo, useState } from 'react';
import { zoneSequential, zoneSides, type LabelContext, type ZoneResult } from '../../../analysis/index.ts';
import { zoneParagraphs } from '../../../evidence/views/bargainingView.ts';
import type { Scenario } from '../../../scenario/schema.ts';
import { unionLimitPercent, ZONE_PERCENTILES, zonePayValues } from '../../bargainDefaults.ts';
import { zoneChart } from '../../charts/zoneChart.ts';
import type { Lang, Translate } from '../../i18n.ts';
import { catalogueLang } from '../../metricDisplay.ts';
import type { ProvisionalJob } from '../../useBargainJob.ts';
import { PlotFigure } from '../PlotFigure.tsx';
import { ProvisionalBanner } from '../ProvisionalMark.tsx';
import {
  JobControls,
  LimitRow,
  num,
  ParamSelect,
  paramName,
  reps,
  toSpec,
  type LimitText,
} from './BargainControls.tsx';

interface Props {
  scenario: Scenario | null;
  job: ProvisionalJob<ZoneResult>;
  blocked: boolean;
  context: Partial<LabelContext>;
  lang: Lang;
  t: Translate;
}

/** Comma-separated numbers, all different, or null. */
function values(text: string): number[] | null {
  const list = text.split(/[,，]/).map(num);
  return list.length > 0 && list.every(Number.isFinite) && new Set(list).size === list.length ? list : null;
}

/**
 * The zone panel. While the grid runs, the zone judged on the first seeds every cell has finished is painted, marked
 * provisional; the final answer replaces it.
 */
export function ZonePanel({ scenario, job, blocked, context, lang, t }: Props) {
  const [x, setX] = useState<string>('rules.deadline.percentile');
  const [xText, setXText] = useState(ZONE_PERCENTILES.join(','));
  const [y, setY] = useState<string>('rules.pay.base');
  // Until the person types their own, the pay values and the union's limit follow the scenario on screen.
  const [yTyped, setYText] = useState<string | null>(null);
  const yText = yTyped ?? (scenario ? zonePayValues(scenario).join(',') : '');
  const [replications, setReplications] = useState('');
  const [unionTyped, setUnion] = useState<LimitText | null>(null);
  const union: LimitText = unionTyped ?? {
    metric: 'earnings.shareBelowMinWage',
    op: '<=',
    threshold: scenario ? String(unionLimitPercent(scenario)) : '',
  };
  const [platform, setPlatform] = useState<LimitText>({ metric: 'platform.margin', op: '>=', threshold: '0' });
  const xs = values(xText);
  const ys = values(yText);
  const specs = [toSpec(union), toSpec(platform)];
  const ok = scenario !== null && xs !== null && ys !== null && x !== y && specs.every((s) => s !== null);
  const run = () => {
    const [u, p] = specs;
    if (!scenario || !xs || !ys || !u || !p) return;
    const options = {
      x: { param: x, values: xs },
      y: { param: y, values: ys },
      union: [u],
      platform: [p],
      replications: reps(replications),
    };
    job.runShowing((execute, onProgress, signal, show) =>
      zoneSequential(scenario, options, execute, {}, onProgress, signal, (a) =>
        show(a.answer, { replications: a.replications, of: a.of }),
      ).then((outcome) => outcome.result),
    );
  };
  const figure = useMemo(() => {
    const r = job.shown;
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
  }, [job.shown, t]);
  const r = job.shown;
  const l = catalogueLang(lang);
  const sides = r ? zoneSides(r) : null;
  const paragraphs = r ? zoneParagraphs(r, scenario) : [];
  /** The data a browser test reads beside a paragraph's words. */
  const dataOf = (id: string): Record<string, string | number> => {
    if (!r || !sides) return {};
    if (id === 'agreed') return { 'data-indices': sides.agreed.join(',') };
    if (id === 'best-union') {
      return {
        'data-index': r.bestForUnion?.index ?? '',
        'data-pay-index': sides.union.pay ?? '',
        'data-risk-index': sides.union.risk ?? '',
      };
    }
    if (id === 'cheapest') {
      return {
        'data-index': r.cheapestForPlatform?.index ?? '',
        'data-status-quo': String(sides.platform !== null && sides.platform === sides.current),
      };
    }
    if (id === 'current') return { 'data-index': sides.current ?? '' };
    return {};
  };

  return (
    <div className="bargain-panel" data-testid="zone-panel">
      <h3>{t('zone.heading')}</h3>
      <p className="hint">{t('zone.intro')}</p>
      <div className="sweep-form">
        <label className="wide">
          <span>{t('zone.x')}</span>
          <ParamSelect id="zone-x" value={x} onChange={setX} t={t} />
        </label>
        <label>
          <span>{t('zone.values')}</span>
          <input
            className="list"
            data-testid="zone-x-values"
            value={xText}
            onChange={(e) => setXText(e.target.value)}
          />
        </label>
        <label className="wide">
          <span>{t('zone.y')}</span>
          <ParamSelect id="zone-y" value={y} onChange={setY} t={t} />
        </label>
        <label>
          <span>{t('zone.values')}</span>
          <input
            className="list"
            data-testid="zone-y-values"
            value={yText}
            onChange={(e) => setYText(e.target.value)}
          />
        </label>
        <label>
          <span>{t('bargain.replications')}</span>
          <input
            data-testid="zone-replications"
            inputMode="numeric"
            placeholder={String(scenario?.replications ?? '')}
            value={replications}
            onChange={(e) => setReplications(e.target.value)}
          />
        </label>
      </div>
      <fieldset className="sweep-form">
        <legend>{t('zone.union')}</legend>
        <LimitRow id="zone-union" row={union} onChange={setUnion} lang={lang} context={context} t={t} />
      </fieldset>
      <fieldset className="sweep-form">
        <legend>{t('zone.platform')}</legend>
        <LimitRow id="zone-platform" row={platform} onChange={setPlatform} lang={lang} context={context} t={t} />
      </fieldset>
      {(xs === null || ys === null) && <p className="error">{t('zone.badValues')}</p>}
      <JobControls id="zone" job={job} canRun={ok} blocked={blocked} t={t} onRun={run} />
      <ProvisionalBanner
        provisional={job.provisional}
        t={t}
        testId="zone-provisional"
        how="results.provisionalHowZone"
      />
      {figure && <PlotFigure options={figure} testId="chart-zone" />}
      {r && !job.provisional && <SeedsPerCell zone={r} t={t} />}
      {r && sides && (
        <div
          className="bargain-result"
          data-testid="zone-summary"
          data-agreed={r.agreedCells}
          data-cells={r.cells.length}
        >
          {paragraphs.map((p) => (
            <p key={p.id} className={p.note ? 'hint' : undefined} data-testid={`zone-${p.id}`} {...dataOf(p.id)}>
              {p.text[l]}
            </p>
          ))}
        </div>
      )}
    </div>
  );
}

/** Under a final zone, how many seeds its cells ran (a sequential zone stops a cell once both sides are decided). */
function SeedsPerCell({ zone, t }: { zone: ZoneResult & { replicationsByCell?: number[] }; t: Translate }) {
  const counts = zone.replicationsByCell;
  if (!counts) return null;
  const cellsAt = new Map<number, number>();
  for (const n of counts) cellsAt.set(n, (cellsAt.get(n) ?? 0) + 1);
  const list = [...cellsAt]
    .sort((a, b) => a[0] - b[0])
    .map(([seeds, cells]) =>
      t('zone.seedsCount', { seeds, cells: cells === 1 ? t('zone.oneCell') : t('zone.cells', { n: cells }) }),
    )
    .join(t('export.listSeparator'));
  const runs = counts.reduce((a, b) => a + b, 0);
  return (
    <p className="hint" data-testid="zone-seeds" data-counts={counts.join(',')} data-runs={runs}>
      {t('zone.seedsPerCell', { list, runs })}
    </p>
  );
}
