/** The workbench: preset, run and scenario editor on the left; the comparison and the sweep on the right. */
import { useEffect, useMemo, useReducer, useState } from 'react';
import { validateScenario } from '../scenario/load.ts';
import { armNames } from './armNames.ts';
import { ComparisonCharts } from './components/ComparisonCharts.tsx';
import { ComplianceTable } from './components/ComplianceTable.tsx';
import { HeadlineCards } from './components/HeadlineCards.tsx';
import { RunControls } from './components/RunControls.tsx';
import { ScenarioEditor } from './components/ScenarioEditor.tsx';
import { SweepView } from './components/SweepView.tsx';
import { allInputs, changesFrom, draftOf, editorReducer, problemsByInput, textsOf, valueAt } from './editor/draft.ts';
import { formatValue } from './editor/fieldText.ts';
import { DEFAULT_SCENARIO, SCENARIO_FIELDS } from './editor/schemaFields.ts';
import { defaultLang, localPart, translator, type Lang } from './i18n.ts';
import { DEFAULT_PRESET_ID, PRESETS, presetName } from './presets.ts';
import { problemText } from './problemText.ts';
import { useComparison } from './useComparison.ts';
import { useSweep } from './useSweep.ts';

function presetById(id: string) {
  return PRESETS.find((p) => p.id === id) ?? PRESETS[0];
}

function loadPreset(id: string) {
  return validateScenario(presetById(id)?.raw);
}

/** The text of each field's default (the schema's), shown beside the field. */
const DEFAULT_TEXTS: Record<string, string> = Object.fromEntries(
  SCENARIO_FIELDS.map((spec) => [spec.key, formatValue(spec, valueAt(DEFAULT_SCENARIO, spec))]),
);

/** The whole page. */
export function App() {
  const [lang, setLang] = useState<Lang>(() => defaultLang(navigator.language));
  const t = useMemo(() => translator(lang), [lang]);
  const [presetId, setPresetId] = useState(DEFAULT_PRESET_ID);
  const loaded = useMemo(() => loadPreset(presetId), [presetId]);
  const base = loaded.ok ? loaded.scenario : null;
  const presetTexts = useMemo(() => (base ? textsOf(base) : {}), [base]);
  const [editor, dispatch] = useReducer(editorReducer, presetTexts, (texts) => ({ texts, history: [] }));
  const { texts } = editor;
  const runner = useComparison();
  const sweep = useSweep();

  const specs = useMemo(() => new Map((base ? allInputs(base) : []).map((s) => [s.key, s])), [base]);
  const draft = useMemo(() => (base ? validateScenario(draftOf(base, texts)) : loaded), [base, texts, loaded]);
  const { byInput, other } = useMemo(
    () =>
      problemsByInput(
        draft.ok ? [] : draft.problems.map((p) => ({ ...p, message: problemText(p.message, lang) })),
        new Set(specs.keys()),
      ),
    [draft, specs, lang],
  );
  const changes = useMemo(() => changesFrom(presetTexts, texts), [presetTexts, texts]);
  const names = useMemo(
    () => (draft.ok ? armNames(draft.scenario, lang) : base ? armNames(base, lang) : {}),
    [draft, base, lang],
  );
  const arms = useMemo(() => (base?.arms ?? []).map((a) => ({ id: a.id, name: names[a.id] ?? a.id })), [base, names]);
  const result = runner.result;
  const resultNames = useMemo(() => (result ? armNames(result.scenario, lang) : {}), [result, lang]);
  const stale = result !== null && draft.ok && JSON.stringify(result.scenario) !== JSON.stringify(draft.scenario);
  const comparing = runner.phase.kind === 'running';
  const sweeping = sweep.phase.kind === 'running';

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
    sweep.clear();
    setPresetId(id);
    const next = loadPreset(id);
    dispatch({ type: 'reset', texts: next.ok ? textsOf(next.scenario) : {} });
  };
  const onEdit = (key: string, text: string) => dispatch({ type: 'edit', key, text });

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
          <RunControls
            phase={runner.phase}
            valid={draft.ok}
            busy={sweeping}
            replications={result?.comparison.seeds.length ?? 0}
            arms={result?.comparison.arms.length ?? 0}
            t={t}
            onRun={() => draft.ok && runner.run(draft.scenario)}
            onCancel={runner.cancel}
          />
          {loaded.ok && other.length > 0 && (
            <ul className="error" role="alert" data-testid="other-problems">
              {other.map((p) => (
                <li key={p.path + p.message}>
                  {p.path}: {p.message}
                </li>
              ))}
            </ul>
          )}
          {base && (
            <ScenarioEditor
              texts={texts}
              presetTexts={presetTexts}
              defaults={DEFAULT_TEXTS}
              errors={byInput}
              arms={arms}
              changes={changes}
              specs={specs}
              canUndo={editor.history.length > 0}
              t={t}
              onEdit={onEdit}
              onUndo={() => dispatch({ type: 'undo' })}
            />
          )}
          <p className="privacy">{t('app.privacy')}</p>
        </aside>

        <div className="results">
          <section aria-live="polite" aria-labelledby="results-heading">
            {stale && <p className="stale">{t('run.stale')}</p>}
            {!result && <p className="empty">{comparing ? t('run.running') : t('run.none')}</p>}
            {result && (
              <>
                <h2 id="results-heading">{t('results.heading')}</h2>
                <p className="seeds">{t('results.seeds', { seeds: result.comparison.seeds.join(', ') })}</p>
                <HeadlineCards comparison={result.comparison} armNames={resultNames} lang={lang} t={t} />
                <h2>{t('compliance.heading')}</h2>
                <ComplianceTable arms={result.comparison.arms} armNames={resultNames} t={t} />
                <ComparisonCharts
                  scenario={result.scenario}
                  comparison={result.comparison}
                  armNames={resultNames}
                  t={t}
                />
              </>
            )}
          </section>
          <SweepView scenario={draft.ok ? draft.scenario : null} sweep={sweep} busy={comparing} lang={lang} t={t} />
        </div>
      </main>
    </div>
  );
}
