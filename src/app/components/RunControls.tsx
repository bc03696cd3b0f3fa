/** Run and Cancel buttons, the progress bar and the run's status line. */
import type { Translate } from '../i18n.ts';
import type { RunPhase } from '../useComparison.ts';
import { ProgressRow } from './ProgressRow.tsx';

interface Props {
  phase: RunPhase;
  /** False while a field is invalid. */
  valid: boolean;
  /** True while a sweep holds the worker pool. */
  busy?: boolean;
  replications: number;
  arms: number;
  t: Translate;
  onRun: () => void;
  onCancel: () => void;
}

/** The controls of one comparison run. */
export function RunControls({ phase, valid, busy = false, replications, arms, t, onRun, onCancel }: Props) {
  const running = phase.kind === 'running';
  const progress = running ? phase : phase.kind === 'done' ? { done: phase.total, total: phase.total } : null;
  return (
    <div className="run-controls">
      <div className="buttons">
        <button
          type="button"
          className="primary"
          data-testid="run-compare"
          disabled={!valid || running || busy}
          onClick={onRun}
        >
          {t('run.button')}
        </button>
        <button type="button" data-testid="cancel-run" disabled={!running} onClick={onCancel}>
          {t('run.cancel')}
        </button>
      </div>
      {progress && (
        <ProgressRow
          testId="progress"
          done={progress.done}
          total={progress.total}
          caption={t('run.progress', { done: progress.done, total: progress.total })}
          ariaLabel={t('run.running')}
        />
      )}
      <p
        className={phase.kind === 'error' ? 'status error' : 'status'}
        role="status"
        data-testid="run-status"
        data-phase={phase.kind}
        data-workers={phase.kind === 'done' ? phase.workers : undefined}
        data-elapsed-ms={phase.kind === 'done' ? Math.round(phase.elapsedMs) : undefined}
        data-reused={phase.kind === 'done' ? (phase.reused ?? 0) : undefined}
      >
        {!valid && t('run.blocked')}
        {valid && busy && !running && t('run.busy')}
        {valid &&
          phase.kind === 'done' &&
          t('run.done', { replications, arms, seconds: (phase.elapsedMs / 1000).toFixed(1) })}
        {valid && phase.kind === 'done' && (phase.reused ?? 0) > 0 && t('run.reused', { reused: phase.reused ?? 0 })}
        {valid && phase.kind === 'cancelled' && t('run.cancelled')}
        {phase.kind === 'error' && t('run.error', { message: phase.message })}
      </p>
    </div>
  );
}
