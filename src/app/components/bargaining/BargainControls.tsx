/**
 * The controls the three bargaining panels share: a limit row (metric, condition, threshold), a parameter choice, and
 * a job's Run / Cancel buttons with its progress and status line.
 */
import type { LabelContext, TargetOp, TargetSpec } from '../../../analysis/index.ts';
import { nameWithUnit, paramLabel } from '../../editor/paramLabel.ts';
import { HEADLINE_METRICS } from '../../headlineMetrics.ts';
import type { Lang, Translate } from '../../i18n.ts';
import { metricName, scaleOf, unitOf } from '../../metricDisplay.ts';
import type { BargainJob } from '../../useBargainJob.ts';
import { ProgressRow } from '../ProgressRow.tsx';

/** Parameters the panels move (rule paths, set in every arm). */
export const PARAMS = ['rules.pay.base', 'rules.pay.commissionRate', 'rules.deadline.percentile'] as const;
const OPS: TargetOp[] = ['<=', '>=', '<', '>'];
/** The conditions in words (the symbols stay in the option's title for whoever knows them). */
const OP_KEYS: Record<TargetOp, 'bargain.op.le' | 'bargain.op.ge' | 'bargain.op.lt' | 'bargain.op.gt'> = {
  '<=': 'bargain.op.le',
  '>=': 'bargain.op.ge',
  '<': 'bargain.op.lt',
  '>': 'bargain.op.gt',
};

/** A parameter's name: the editor's label with its unit, the same in every panel. */
export const paramName = (p: string, t: Translate) => paramLabel(p, t);

/** A typed number, or NaN. */
export const num = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim()));
/** Typed replications, or undefined for the scenario's own. */
export const reps = (text: string) => {
  const n = num(text);
  return Number.isInteger(n) && n >= 1 ? n : undefined;
};

/** A limit row: metric, operator and threshold (in display units, e.g. % for shares). */
export interface LimitText {
  metric: string;
  op: TargetOp;
  threshold: string;
}

/** The limit a row states, in stored units, or null while its threshold is not a number. */
export function toSpec(row: LimitText): TargetSpec | null {
  const v = num(row.threshold);
  if (!Number.isFinite(v)) return null;
  return { metric: row.metric, op: row.op, threshold: v / scaleOf(row.metric) };
}

/** A metric, a condition and a threshold with its unit. */
export function LimitRow({
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
            <option key={op} value={op} title={op}>
              {t(OP_KEYS[op])}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{unit ? nameWithUnit(t('bargain.threshold'), unit, t) : t('bargain.threshold')}</span>
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

/** A choice of the parameters the panels move. */
export function ParamSelect({
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
export function JobControls<T>({
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
