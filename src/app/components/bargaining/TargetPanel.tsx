/**
 * The target finder (`target-panel`): the smallest value of a rule at which a limit holds, through the same search as
 * `fairpace target`, and its answer from both sides of the table: what couriers gain, what the platform pays and where
 * the difference goes (src/analysis/targetText.ts, the same sentences as the command line and the report).
 */
import { useState } from 'react';
import { findTargetSequential, targetSentences, type LabelContext } from '../../../analysis/index.ts';
import { armDisplayName } from '../../../analysis/armName.ts';
import type { Scenario } from '../../../scenario/schema.ts';
import type { Lang, Translate } from '../../i18n.ts';
import { catalogueLang } from '../../metricDisplay.ts';
import type { BargainJob } from '../../useBargainJob.ts';
import type { TargetResult } from '../../../analysis/index.ts';
import { JobControls, LimitRow, num, ParamSelect, reps, toSpec, type LimitText } from './BargainControls.tsx';

/** Most values the app's target search evaluates (the CLI's --max-steps). */
export const APP_TARGET_STEPS = 12;

interface Props {
  scenario: Scenario | null;
  job: BargainJob<TargetResult>;
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
  const spec = toSpec(row);
  const ok = scenario !== null && spec !== null && num(max) > num(min);
  const run = () => {
    if (!scenario || !spec) return;
    job.run((execute, onProgress, signal) =>
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
      ).then((outcome) => outcome.result),
    );
  };
  const r = job.result;
  const l = catalogueLang(lang);
  const said = r
    ? targetSentences(r, { armName: scenario ? armDisplayName(scenario, r.arm) : undefined, context })
    : null;
  const money = r?.platformCost?.money;

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
      {r && said && (
        <div
          className="bargain-result"
          data-testid="target-result"
          data-reached={String(r.reached)}
          data-value={r.value ?? ''}
        >
          <p data-testid="target-found">{said.found[l]}</p>
          {r.platformCost && (
            <p
              data-testid="target-cost"
              data-pay-change={r.platformCost.change.courierPay.mean}
              data-couriers-gain={money?.couriersGain.mean ?? ''}
              data-platform-pays={money?.platformPays.mean ?? ''}
              data-gap={money?.gap.mean ?? ''}
            >
              {said.sides?.[l] ?? ''}
            </p>
          )}
          {said.gap && (
            <p className="hint" data-testid="target-gap">
              {said.gap[l]}
            </p>
          )}
          {said.caveat && <p className="hint">{said.caveat[l]}</p>}
        </div>
      )}
    </div>
  );
}
