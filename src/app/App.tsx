/** The workbench: preset and fields on the left, the comparison of the arms on the right. */
import { useEffect, useMemo, useState } from 'react';
import { validateScenario } from '../scenario/load.ts';
import { armNames } from './armNames.ts';
import type { ChartArm } from './charts/chartTypes.ts';
import { perDayChart } from './charts/perDayChart.ts';
import { speedChart } from './charts/speedChart.ts';
import { ComplianceTable } from './components/ComplianceTable.tsx';
import { HeadlineCards } from './components/HeadlineCards.tsx';
import { PlotFigure } from './components/PlotFigure.tsx';
import { RunControls } from './components/RunControls.tsx';
import { ScenarioEditor } from './components/ScenarioEditor.tsx';
import { defaultLang, localPart, translator, type Lang } from './i18n.ts';
import { DEFAULT_PRESET_ID, PRESETS, presetName } from './presets.ts';
import { editableFields, fieldTexts, problemsByField, withFieldTexts, type FieldTexts } from './scenarioFields.ts';
import { useComparison } from './useComparison.ts';

function presetById(id: string) {
  return PRESETS.find((p) => p.id === id) ?? PRESETS[0];
}

/** The whole page. */
export function App() {
  const [lang, setLang] = useState<Lang>(() => defaultLang(navigator.language));
  const t = useMemo(() => translator(lang), [lang]);
  const [presetId, setPresetId] = useState(DEFAULT_PRESET_ID);
  const loaded = useMemo(() => validateScenario(presetById(presetId)?.raw), [presetId]);
  const base = loaded.ok ? loaded.scenario : null;
  const fields = useMemo(() => (base ? editableFields(base) : []), [base]);
  const [texts, setTexts] = useState<FieldTexts>(() => (base ? fieldTexts(base, fields) : {}));
  const runner = useComparison();

  const draft = useMemo(
    () => (base ? validateScenario(withFieldTexts(base, fields, texts)) : loaded),
    [base, fields, texts, loaded],
  );
  const { byField, other } = problemsByField(draft.ok ? [] : draft.problems, fields);
  const names = useMemo(
    () => (draft.ok ? armNames(draft.scenario, lang) : base ? armNames(base, lang) : {}),
    [draft, base, lang],
  );
  const result = runner.result;
  const resultNames = useMemo(() => (result ? armNames(result.scenario, lang) : {}), [result, lang]);
  const stale = result !== null && draft.ok && JSON.stringify(result.scenario) !== JSON.stringify(draft.scenario);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `Fairpace · ${t('app.title')}`;
  }, [lang, t]);

  // Opens with results already computing: the default preset runs as soon as the page is up.
  const { run } = runner;
  useEffect(() => {
    if (base) run(base);
  }, []); // only on first open, with the default preset

  const choosePreset = (id: string) => {
    runner.clear();
    setPresetId(id);
    const next = validateScenario(presetById(id)?.raw);
    setTexts(next.ok ? fieldTexts(next.scenario, editableFields(next.scenario)) : {});
  };

  const chartArms: ChartArm[] = useMemo(
    () =>
      result?.comparison.arms.map((a) => ({
        id: a.id,
        name: resultNames[a.id] ?? a.id,
        perDay: a.perDay,
        speedHistogramKm: a.speedHistogramKm,
      })) ?? [],
    [result, resultNames],
  );
  const perDayOptions = useMemo(
    () =>
      perDayChart(chartArms, {
        title: t('chart.perday.title'),
        caption: t('chart.perday.caption'),
        x: t('chart.perday.x'),
        y: t('chart.perday.y'),
      }),
    [chartArms, t],
  );
  const speedOptions = useMemo(
    () =>
      speedChart(
        chartArms,
        {
          title: t('chart.speed.title'),
          caption: t('chart.speed.caption'),
          x: t('chart.speed.x'),
          y: t('chart.speed.y'),
        },
        [t('chart.speed.rule15'), t('chart.speed.rule25')],
      ),
    [chartArms, t],
  );

  return (
    <div className="app">
      <header>
        <div>
          <h1>{t('app.title')}</h1>
          <p className="subtitle">{t('app.subtitle')}</p>
        </div>
        <button
          type="button"
          className="lang"
          data-testid="language-toggle"
          lang={lang === 'zh-CN' ? 'en' : 'zh-CN'}
          title={t('lang.toggleTitle')}
          onClick={() => setLang(lang === 'zh-CN' ? 'en' : 'zh-CN')}
        >
          {t('lang.toggle')}
        </button>
      </header>

      <main>
        <aside className="controls">
          <label className="preset">
            <span>{t('preset.label')}</span>
            <select data-testid="preset-select" value={presetId} onChange={(e) => choosePreset(e.target.value)}>
              {PRESETS.map((p) => (
                <option key={p.id} value={p.id}>
                  {localPart(presetName(p), lang)}
                </option>
              ))}
            </select>
          </label>
          {!loaded.ok && (
            <p className="error" role="alert">
              {t('preset.invalid')}
              {loaded.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}
            </p>
          )}
          {base && (
            <ScenarioEditor
              fields={fields}
              texts={texts}
              errors={byField}
              armNames={names}
              t={t}
              onChange={(key, text) => setTexts((old) => ({ ...old, [key]: text }))}
            />
          )}
          {loaded.ok && other.length > 0 && (
            <ul className="error" role="alert">
              {other.map((p) => (
                <li key={p.path + p.message}>
                  {p.path}: {p.message}
                </li>
              ))}
            </ul>
          )}
          <RunControls
            phase={runner.phase}
            valid={draft.ok}
            replications={result?.comparison.seeds.length ?? 0}
            arms={result?.comparison.arms.length ?? 0}
            t={t}
            onRun={() => draft.ok && runner.run(draft.scenario)}
            onCancel={runner.cancel}
          />
          <p className="privacy">{t('app.privacy')}</p>
        </aside>

        <section className="results" aria-live="polite">
          {stale && <p className="stale">{t('run.stale')}</p>}
          {!result && <p className="empty">{runner.phase.kind === 'running' ? t('run.running') : t('run.none')}</p>}
          {result && (
            <>
              <h2>{t('results.heading')}</h2>
              <p className="seeds">{t('results.seeds', { seeds: result.comparison.seeds.join(', ') })}</p>
              <HeadlineCards comparison={result.comparison} armNames={resultNames} lang={lang} t={t} />
              <h2>{t('compliance.heading')}</h2>
              <ComplianceTable arms={result.comparison.arms} armNames={resultNames} t={t} />
              <div className="charts">
                <PlotFigure options={perDayOptions} testId="chart-perday" />
                <PlotFigure options={speedOptions} testId="chart-speed" />
              </div>
            </>
          )}
        </section>
      </main>
    </div>
  );
}
