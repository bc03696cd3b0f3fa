/**
 * The bargaining section: the target finder, the sensitivity tornado, the zone of agreement and robustness over
 * plausible worlds, one file each under
 * ./bargaining/. Each runs on the shared worker pool with progress and Cancel, through the same analysis functions as
 * `fairpace target`, `fairpace sensitivity` and `fairpace zone`, and only one of them runs at a time.
 */
import { useEffect, useMemo } from 'react';
import type { Scenario } from '../../scenario/schema.ts';
import { armNames } from '../armNames.ts';
import type { Lang, Translate } from '../i18n.ts';
import { contextOf } from '../metricDisplay.ts';
import type { BargainingJobs } from '../useBargainJob.ts';
import { TargetPanel } from './bargaining/TargetPanel.tsx';
import { TornadoPanel } from './bargaining/TornadoPanel.tsx';
import { RobustnessPanel } from './bargaining/RobustnessPanel.tsx';
import { ZonePanel } from './bargaining/ZonePanel.tsx';

export { APP_TARGET_STEPS } from './bargaining/TargetPanel.tsx';

interface Props {
  /** The scenario as edited, or null while it is invalid. */
  scenario: Scenario | null;
  /** The jobs, owned by the App so that Export can carry their results. */
  jobs: BargainingJobs;
  /** True while a comparison, sweep or export runs on the pool. */
  busy: boolean;
  lang: Lang;
  t: Translate;
  /** Told when a bargaining job starts or ends, so the other runs wait for it. */
  onRunning: (running: boolean) => void;
}

/** The whole bargaining section. */
export function BargainingPanel({ scenario, jobs, busy, lang, t, onRunning }: Props) {
  const { target, tornado, zone, robustness } = jobs;
  const running = [target, tornado, zone, robustness].some((j) => j.phase.kind === 'running');
  useEffect(() => onRunning(running), [running, onRunning]);
  const blocked = busy || running;
  const names = useMemo(() => (scenario ? armNames(scenario, lang) : {}), [scenario, lang]);
  const context = useMemo(() => contextOf(scenario), [scenario]);
  const common = { scenario, blocked, context, lang, t };
  return (
    <section className="bargaining" aria-labelledby="bargaining-heading" data-testid="bargaining">
      <h2 id="bargaining-heading">{t('bargain.heading')}</h2>
      <p className="hint">{t('bargain.intro')}</p>
      <TargetPanel {...common} job={target} names={names} />
      <TornadoPanel {...common} job={tornado} names={names} />
      <ZonePanel {...common} job={zone} />
      <RobustnessPanel {...common} job={robustness} />
    </section>
  );
}
