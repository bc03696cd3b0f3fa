/** A progress bar with its caption: runs, sweeps, bargaining jobs and evidence packs all show work done this way. */

interface ProgressRowProps {
  /** data-testid of the <progress> element (tests read data-done and data-total). */
  testId: string;
  done: number;
  total: number;
  /** The caption beside the bar, already translated. */
  caption: string;
  /** Accessible name of the bar, already translated. */
  ariaLabel?: string;
}

/** The bar and caption; `max` is at least 1, as the HTML spec treats a max of 0. */
export function ProgressRow({ testId, done, total, caption, ariaLabel }: ProgressRowProps) {
  return (
    <div className="progress-row">
      <progress
        data-testid={testId}
        data-done={done}
        data-total={total}
        max={Math.max(total, 1)}
        value={done}
        aria-label={ariaLabel}
      />
      <span>{caption}</span>
    </div>
  );
}
