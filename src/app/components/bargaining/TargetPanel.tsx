/**
 * The target finder (`target-panel`): the smallest value of a rule at which a limit holds, through the same search as
 * `fairpace target`, and its answer from both sides of the table: what couriers gain, what the platform pays and where
 * the difference goes: the paragraphs report.html gives it (src/evidence/views/bargainingView.ts, on the sentences of
 * src/analysis/targetText.ts, which the command line says too).
 */
import { useState } from 'react';
import { findTargetSequential, type LabelContext } from '../../../analysis/index.ts';
import { targetParagraphs } from '../../../evidence/views/bargainingView.ts';
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
      {r && (
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
