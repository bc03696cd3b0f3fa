/**
 * The marks of a provisional comparison (issue 21 item 1): a banner over the results while the runs go on, and a
 * small tag beside the headings of the boxes a negotiator may show on their own (the costs, the model check), so a
 * screenshot of one box still says the answer is not final.
 */
import type { MessageKey, Translate } from '../i18n.ts';

/** How far a provisional answer is: seeds summarised, of the seeds the scenario asks for. */
export interface ProvisionalState {
  replications: number;
  of: number;
}

/**
 * The mark over the results (`provisional`, or `testId` for a tool's own: `sweep-provisional`, ...): one short line
 * that stays in view while the reader scrolls, and below it, once, what the mark means (`how`: the comparison's words
 * by default). Nothing for a final answer.
 */
export function ProvisionalBanner({
  provisional,
  t,
  testId = 'provisional',
  how = 'results.provisionalHow',
}: {
  provisional: ProvisionalState | undefined;
  t: Translate;
  testId?: string;
  how?: MessageKey;
}) {
  if (!provisional) return null;
  const counts = { done: provisional.replications, total: provisional.of };
  return (
    <>
      <p
        className="provisional"
        role="status"
        data-testid={testId}
        data-replications={provisional.replications}
        data-of={provisional.of}
      >
        <strong>{t('results.provisional', counts)}</strong>
      </p>
      <p className="hint provisional-how" data-testid={`${testId}-how`}>
        {t(how, counts)}
      </p>
    </>
  );
}

/** The tag beside a heading (`provisional-tag`); nothing for a final answer. */
export function ProvisionalTag({ provisional, t }: { provisional: ProvisionalState | undefined; t: Translate }) {
  if (!provisional) return null;
  return (
    <span className="provisional-tag" data-testid="provisional-tag">
      {t('results.provisionalTag', { done: provisional.replications, total: provisional.of })}
    </span>
  );
}
