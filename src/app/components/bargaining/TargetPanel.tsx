/**
 * The target finder (`target-panel`): the smallest value of a rule at which a limit holds, through the same search as
 * `fairpace target`, and its answer from both sides of the table: what couriers gain, what the platform pays and where
 * the difference goes: the paragraphs report.html gives it (src/evidence/views/bargainingView.ts, on the sentences of
 * src/analysis/targetText.ts, which the command line says too). While the search runs, its answer so far (the bracket
 * and the best value, as `fairpace target --progress` says it) is shown under the provisional mark.
 */
import { useState } from 'react';
import {
  findTargetSequential,
  paramValue,
  type LabelContext,
  type TargetProvisional,
} from '../../../analysis/index.ts';
import { targetParagraphs } from '../../../evidence/views/bargainingView.ts';
import type { Scenario } from '../../../scenario/schema.ts';
import type { Lang, Translate } from '../../i18n.ts';
import { catalogueLang } from '../../metricDisplay.ts';
import type { ProvisionalJob } from '../../useBargainJob.ts';
import type { TargetResult } from '../../../analysis/index.ts';
import { ProvisionalBanner } from '../ProvisionalMark.tsx';
import { JobControls, LimitRow, num, ParamSelect, reps, toSpec, type LimitText } from './BargainControls.tsx';

/** Most values the app's target search evaluates (the CLI's --max-steps). */
export const APP_TARGET_STEPS = 12;

interface Props {
  scenario: Scenario | null;
  job: ProvisionalJob<TargetResult>;
  blocked: boolean;
  names: Record<string, string>;
  context: Partial<LabelContext>;
  lang: Lang;
  t: Translate;
}

/** The target panel. */
/**
 * The panel's search is `fairpace target --precision 0.005` (src/analysis/targetSequential.ts): values far from the
 * answer are decided on fewer seeds, regula falsi narrows the bracket, and the answer runs on every seed.
 */
export const APP_TARGET_PRECISION = 0.005;

export function TargetPanel({ scenario, job, blocked, names, context, lang, t }: Props) {
  const lastArm = scenario?.arms.at(-1)?.id ?? '';
  const [param, setParam] = useState<string>('rules.pay.base');
  const [min, setMin] = useState('0');
  const [max, setMax] = useState('40');
  const [arm, setArm] = useState('');
  const [replications, setReplications] = useState('');
  const [row, setRow] = useState<LimitText>({ metric: 'earnings.shareBelowMinWage', op: '<=', threshold: '5' });
  // Each provisional answer's report (bracket, runs), by the answer the job shows.
  const [reports] = useState(() => new WeakMap<TargetResult, TargetProvisional>());
  const spec = toSpec(row);
  const ok = scenario !== null && spec !== null && num(max) > num(min);
  const run = () => {
    if (!scenario || !spec) return;
    job.runShowing((execute, onProgress, signal, show) =>
      findTargetSequential(
        scenario,
        {
          param,
          min: num(min),
          max: num(max),
          targets: [spec],
          arm: arm || lastArm,
          replications: reps(replications),
          maxSteps: APP_TARGET_STEPS,
        },
        { precision: APP_TARGET_PRECISION },
        execute,
        onProgress,
        signal,
        (p) => {
          reports.set(p.result, p);
          show(p.result, { replications: p.replications, of: p.of });
        },
      ).then((outcome) => outcome.result),
    );
  };
  const r = job.result;
  const l = catalogueLang(lang);
  const so = job.provisional && job.shown ? reports.get(job.shown) : undefined;
  const paragraphs = r ? targetParagraphs(r, scenario) : [];
  const money = r?.platformCost?.money;
  /** The data a browser test reads beside a paragraph's words. */
  const dataOf = (id: string) =>
    id === 'cost' && r?.platformCost
      ? {
          'data-pay-change': r.platformCost.change.courierPay.mean,
          'data-couriers-gain': money?.couriersGain.mean ?? '',
          'data-platform-pays': money?.platformPays.mean ?? '',
          'data-gap': money?.gap.mean ?? '',
        }
      : {};

  return (
    <div className="bargain-panel" data-testid="target-panel">
      <h3>{t('target.heading')}</h3>
      <p className="hint">{t('target.intro')}</p>
      <div className="sweep-form">
        <label className="wide">
          <span>{t('bargain.param')}</span>
          <ParamSelect id="target-param" value={param} onChange={setParam} t={t} />
        </label>
        <label>
          <span>{t('target.min')}</span>
          <input data-testid="target-min" inputMode="decimal" value={min} onChange={(e) => setMin(e.target.value)} />
        </label>
        <label>
          <span>{t('target.max')}</span>
          <input data-testid="target-max" inputMode="decimal" value={max} onChange={(e) => setMax(e.target.value)} />
        </label>
        <label>
          <span>{t('bargain.arm')}</span>
          <select data-testid="target-arm" value={arm || lastArm} onChange={(e) => setArm(e.target.value)}>
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
            value={replications}
            onChange={(e) => setReplications(e.target.value)}
          />
        </label>
        <LimitRow id="target" row={row} onChange={setRow} lang={lang} context={context} t={t} />
      </div>
      <JobControls id="target" job={job} canRun={ok} blocked={blocked} t={t} onRun={run} />
      <ProvisionalBanner provisional={job.provisional} t={t} testId="target-provisional" how="target.provisionalHow" />
      {so && <ProvisionalAnswer so={so} lang={lang} t={t} />}
      {r && !so && (
        <div
          className="bargain-result"
          data-testid="target-result"
          data-reached={String(r.reached)}
          data-value={r.value ?? ''}
        >
          {paragraphs.map((p) => (
            <p key={p.id} className={p.note ? 'hint' : undefined} data-testid={`target-${p.id}`} {...dataOf(p.id)}>
              {p.text[l]}
            </p>
          ))}
        </div>
      )}
    </div>
  );
}

/** The search's answer so far (`target-provisional-answer`), with the raw numbers for a browser test. */
function ProvisionalAnswer({ so, lang, t }: { so: TargetProvisional; lang: Lang; t: Translate }) {
  const l = catalogueLang(lang);
  const shown = (v: number, toward?: 'up' | 'down') => paramValue(so.param, v, toward)[l];
  const counts = { values: so.values, runs: so.runs };
  // The best value is rounded as the final sentence rounds it: towards the side where the target holds.
  const toward = so.direction === 'smallest' ? 'up' : 'down';
  const text =
    so.value === null
      ? t('target.provisionalNone', counts)
      : so.bracket
        ? t('target.provisionalBracket', {
            ...counts,
            lo: shown(so.bracket[0]),
            hi: shown(so.bracket[1]),
            value: shown(so.value, toward),
          })
        : t('target.provisionalBest', { ...counts, value: shown(so.value, toward) });
  return (
    <p
      className="bargain-result"
      data-testid="target-provisional-answer"
      data-value={so.value ?? ''}
      data-lo={so.bracket?.[0] ?? ''}
      data-hi={so.bracket?.[1] ?? ''}
      data-replications={so.replications}
      data-runs={so.runs}
    >
      {text}
    </p>
  );
}
