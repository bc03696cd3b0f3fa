/**
 * The back-test (`backtest-panel`): the model against a rule change that really happened, the same as `fairpace
 * backtest scenarios/backtests/ratchet-2016-2018.json --seeds N`. It runs the back-test's own preset, not the
 * scenario on screen, on the shared pool without the run cache (each run keeps a 104-day order trace), and shows
 * each reported figure beside the model's mean and 95% interval, and a summary computed from those rows.
 */
import { useState } from 'react';
import { BacktestFile, runBacktest, type BacktestResult, type BacktestRow } from '../../analysis/backtest.ts';
import { validateScenario } from '../../scenario/load.ts';
import backtestRaw from '../../../scenarios/backtests/ratchet-2016-2018.json';
import scenarioRaw from '../../../scenarios/ratchet-2016-2018.json';
import { plainArmNames } from '../armNames.ts';
import type { Lang, Translate } from '../i18n.ts';
import { sharedPool } from '../simClient.ts';
import { useBargainJob } from '../useBargainJob.ts';
import { JobControls } from './bargaining/BargainControls.tsx';

/** The shipped back-test and its preset, checked once. */
const FILE = BacktestFile.parse(backtestRaw);
const LOADED = validateScenario(scenarioRaw);
if (!LOADED.ok) throw new Error('the back-test preset ratchet-2016-2018 does not validate');
const SCENARIO = LOADED.scenario;

/** The seeds offered: 1 answers in about half a minute on two workers, 3 as the README's table. */
export const BACKTEST_SEED_CHOICES = [1, 3] as const;
/** Seconds per run of 104 days on one worker (measured: 6 runs in 42 s on 2 workers of a 2-core machine). */
const SECONDS_PER_RUN = 14;

const one = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');
const signed = (x: number) => (x > 0 ? `+${one(x)}` : one(x));

/** The name of a row: its label in the reader's language, else its id. */
function rowName(row: BacktestRow, lang: Lang): string {
  return row.figure.label?.[lang === 'zh-CN' ? 'zh' : 'en'] ?? row.figure.id;
}

/** The back-test panel. */
export function BacktestPanel({ lang, t }: { lang: Lang; t: Translate }) {
  const [seeds, setSeeds] = useState<number>(1);
  const job = useBargainJob<BacktestResult>({ cache: false });
  const names = plainArmNames(SCENARIO, lang);
  const r = job.result;
  const runs = seeds * new Set(FILE.figures.map((f) => f.arm)).size;
  const workers = Math.max(1, sharedPool().size);
  const worst = r?.rows.reduce((a, b) => (Math.abs(b.gap) > Math.abs(a.gap) ? b : a));
  return (
    <section className="model-check" aria-labelledby="backtest-heading" data-testid="backtest-panel">
      <h2 id="backtest-heading">{t('backtest.heading')}</h2>
      <p className="hint">{t('backtest.intro')}</p>
      <div className="sweep-form">
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
        <span className="hint">
          {t('backtest.cost', { seconds: Math.ceil((runs * SECONDS_PER_RUN) / Math.min(workers, runs)), runs })}
        </span>
      </div>
      <JobControls
        id="backtest"
        job={job}
        canRun
        blocked={false}
        t={t}
        onRun={() =>
          job.run((execute, onProgress, signal) => runBacktest(FILE, SCENARIO, execute, { seeds, onProgress, signal }))
        }
      />
      {r && worst && (
        <>
          <p data-testid="backtest-summary">
            {r.seeds.length > 1
              ? `${t('backtest.summary', {
                  rows: r.rows.length,
                  covered: r.rows.filter((row) => row.covered).length,
                  worst: rowName(worst, lang),
                  arm: names[worst.figure.arm] ?? worst.figure.arm,
                  gap: signed(worst.gap),
                })} ${t('backtest.seedsNote', { seeds: r.seeds.length })}`
              : t('backtest.summaryOne', {
                  rows: r.rows.length,
                  worst: rowName(worst, lang),
                  arm: names[worst.figure.arm] ?? worst.figure.arm,
                  gap: signed(worst.gap),
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
                    <td>{names[row.figure.arm] ?? row.figure.arm}</td>
                    <td className="number">{t('backtest.minutes', { value: one(row.figure.observed) })}</td>
                    <td className="number">
                      {t('backtest.minutes', { value: one(row.model.mean) })}
                      {row.model.ci95[0] !== row.model.ci95[1] &&
                        t('modelcheck.interval', { lo: one(row.model.ci95[0]), hi: one(row.model.ci95[1]) })}
                    </td>
                    <td className="number">{t('backtest.minutes', { value: signed(row.gap) })}</td>
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
