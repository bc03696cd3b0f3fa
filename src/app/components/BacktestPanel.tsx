/**
 * The back-test (`backtest-panel`): the model against a rule change that really happened, the same as `fairpace
 * backtest scenarios/backtests/<id>.json --seeds N` for each shipped back-test (src/app/backtests.ts: the ratchet of
 * 2016–2018 and the safety bonus of 2025). It runs the back-test's own preset, not the
 * scenario on screen, on the shared pool without the run cache (each run keeps a 104-day order trace), and shows
 * each reported figure beside the model's mean and 95% interval, and a summary computed from those rows.
 */
import { useState } from 'react';
import { runBacktest, type BacktestResult, type BacktestRow } from '../../analysis/backtest.ts';
import { midSentence } from '../../analysis/bargainWords.ts';
import { backtestArms, figureUnit, SHIPPED_BACKTESTS } from '../backtests.ts';
import { plainArmNames } from '../armNames.ts';
import type { Lang, Translate } from '../i18n.ts';
import { sharedPool } from '../simClient.ts';
import { useBargainJob } from '../useBargainJob.ts';
import { JobControls } from './bargaining/BargainControls.tsx';

/** The seeds offered: 1 answers in about half a minute on two workers, 3 as the README's table. */
export const BACKTEST_SEED_CHOICES = [1, 3] as const;
/** Seconds per simulated day of a 60-courier preset on one worker (measured: 6 runs of 104 days in 42 s on 2 workers). */
const SECONDS_PER_DAY = 14 / 104;

const one = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');
const signed = (x: number) => (x > 0 ? `+${one(x)}` : one(x));

/** The name of a row: its label in the reader's language, else its id. */
function rowName(row: BacktestRow, lang: Lang): string {
  return row.figure.label?.[lang === 'zh-CN' ? 'zh' : 'en'] ?? row.figure.id;
}

/** The back-test panel. */
export function BacktestPanel({ lang, t }: { lang: Lang; t: Translate }) {
  const [seeds, setSeeds] = useState<number>(1);
  const [picked, setPicked] = useState(0);
  const job = useBargainJob<BacktestResult>({ cache: false });
  const shown = SHIPPED_BACKTESTS[picked] ?? (SHIPPED_BACKTESTS[0] as (typeof SHIPPED_BACKTESTS)[number]);
  // The result on screen belongs to the back-test that ran, which the reader may since have changed.
  const [ran, setRan] = useState(shown);
  const names = plainArmNames(ran.scenario, lang);
  const r = job.result;
  const runs = seeds * backtestArms(shown.file).size;
  const workers = Math.max(1, sharedPool().size);
  const seconds = Math.ceil((runs * shown.days * SECONDS_PER_DAY) / Math.min(workers, runs));
  const worst = r?.rows.reduce((a, b) => (Math.abs(b.gap) > Math.abs(a.gap) ? b : a));
  /** A value with its figure's unit; a gap between two percentages is in percentage points. */
  const valued = (row: BacktestRow, value: string, gap = false) =>
    t(figureUnit(row.figure) === 'minutes' ? 'backtest.minutes' : gap ? 'backtest.points' : 'backtest.percent', {
      value,
    });
  /** The arm column: the arm, or the arm against the one it is compared with. */
  const armOf = (row: BacktestRow) =>
    row.figure.versusArm === undefined
      ? (names[row.figure.arm] ?? row.figure.arm)
      : t('backtest.versus', {
          arm: names[row.figure.arm] ?? row.figure.arm,
          other:
            lang === 'zh-CN'
              ? (names[row.figure.versusArm] ?? row.figure.versusArm)
              : midSentence(names[row.figure.versusArm] ?? row.figure.versusArm),
        });
  return (
    <section className="model-check" aria-labelledby="backtest-heading" data-testid="backtest-panel">
      <h2 id="backtest-heading">{t('backtest.heading')}</h2>
      <p className="hint">{t(shown.intro)}</p>
      <div className="sweep-form">
        <label>
          <span>{t('backtest.pick')}</span>
          <select data-testid="backtest-pick" value={picked} onChange={(e) => setPicked(Number(e.target.value))}>
            {SHIPPED_BACKTESTS.map((b, i) => (
              <option key={b.id} value={i}>
                {b.file.name.split(' / ')[lang === 'zh-CN' ? 1 : 0] ?? b.file.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('backtest.seeds')}</span>
          <select data-testid="backtest-seeds" value={seeds} onChange={(e) => setSeeds(Number(e.target.value))}>
            {BACKTEST_SEED_CHOICES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <span className="hint">{t('backtest.cost', { seconds, runs, days: shown.days })}</span>
      </div>
      <JobControls
        id="backtest"
        job={job}
        canRun
        blocked={false}
        t={t}
        onRun={() => {
          setRan(shown);
          job.run((execute, onProgress, signal) =>
            runBacktest(shown.file, shown.scenario, execute, { seeds, onProgress, signal }),
          );
        }}
      />
      {r && worst && (
        <>
          <p data-testid="backtest-summary">
            {r.seeds.length > 1
              ? `${t(
                  r.rows.length === 1
                    ? worst.covered
                      ? 'backtest.singleInside'
                      : 'backtest.singleOutside'
                    : 'backtest.summary',
                  {
                    rows: r.rows.length,
                    covered: r.rows.filter((row) => row.covered).length,
                    worst: rowName(worst, lang),
                    arm: armOf(worst),
                    gap: valued(worst, signed(worst.gap), true),
                  },
                )} ${t('backtest.seedsNote', { seeds: r.seeds.length })}`
              : t(r.rows.length === 1 ? 'backtest.summarySingle' : 'backtest.summaryOne', {
                  rows: r.rows.length,
                  worst: rowName(worst, lang),
                  arm: armOf(worst),
                  gap: valued(worst, signed(worst.gap), true),
                })}
          </p>
          <div className="table-scroll">
            <table className="model-check-table" data-testid="backtest-table">
              <thead>
                <tr>
                  <th scope="col">{t('backtest.figure')}</th>
                  <th scope="col">{t('modelcheck.arm')}</th>
                  <th scope="col">{t('backtest.observed')}</th>
                  <th scope="col">{t('backtest.model')}</th>
                  <th scope="col">{t('backtest.gap')}</th>
                </tr>
              </thead>
              <tbody>
                {r.rows.map((row) => (
                  <tr
                    key={`${row.figure.arm}/${row.figure.id}`}
                    data-testid={`backtest-row-${row.figure.arm}-${row.figure.id}`}
                    data-mean={String(row.model.mean)}
                    data-covered={String(row.covered)}
                  >
                    <th scope="row">{rowName(row, lang)}</th>
                    <td>{armOf(row)}</td>
                    <td className="number">{valued(row, one(row.figure.observed))}</td>
                    <td className="number">
                      {valued(row, one(row.model.mean))}
                      {row.model.ci95[0] !== row.model.ci95[1] &&
                        t('modelcheck.interval', { lo: one(row.model.ci95[0]), hi: one(row.model.ci95[1]) })}
                    </td>
                    <td className="number">{valued(row, signed(row.gap), true)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="hint">{t('backtest.why', { file: 'README.md' })}</p>
        </>
      )}
    </section>
  );
}
