/** The workbench: preset, run and scenario editor on the left; the comparison and the sweep on the right. */
import { digestOf } from '../scenario/canonical.ts';
import { Component, useEffect, useMemo, useReducer, useState, type ReactNode } from 'react';
import { validateScenario, type LoadResult } from '../scenario/load.ts';
import type { Scenario } from '../scenario/schema.ts';
import { armNames } from './armNames.ts';
import { ComparisonCharts } from './components/ComparisonCharts.tsx';
import { ComplianceTable } from './components/ComplianceTable.tsx';
import { EvidencePanel } from './components/EvidencePanel.tsx';
import { SavedRuns } from './components/SavedRuns.tsx';
import { ScenarioTools, shareProblemText } from './components/ScenarioTools.tsx';
import { CostSentence } from './components/CostSentence.tsx';
import { PlatformCost } from './components/PlatformCost.tsx';
import { DetailFigures } from './components/DetailFigures.tsx';
import { HeadlineCards } from './components/HeadlineCards.tsx';
import { Guide } from './components/Guide.tsx';
import { MODEL_DOC, ModelCheckNotice, ModelCheckPanel } from './components/ModelCheckPanel.tsx';
import { ProvisionalBanner } from './components/ProvisionalMark.tsx';
import { contextOf } from './metricDisplay.ts';
import { MdrpCards } from './components/MdrpCards.tsx';
import { MdrpImport } from './components/MdrpImport.tsx';
import { RiderAuditPanel } from './components/RiderAuditPanel.tsx';
import { RunControls } from './components/RunControls.tsx';
import { ScenarioEditor } from './components/ScenarioEditor.tsx';
import { SweepView } from './components/SweepView.tsx';
import { BargainingPanel } from './components/BargainingPanel.tsx';
import {
  allInputs,
  armCount,
  armIdKey,
  armLabelKey,
  changesFrom,
  draftOf,
  editorReducer,
  problemsByInput,
  textsOf,
  valueAt,
} from './editor/draft.ts';
import { formatValue } from './editor/fieldText.ts';
import { DEFAULT_SCENARIO, SCENARIO_FIELDS } from './editor/schemaFields.ts';
import { defaultLang, localParagraphs, localPart, translator, type Lang, type Translate } from './i18n.ts';
import { DEFAULT_PRESET_ID, PRESETS, presetName } from './presets.ts';
import { pathText, problemText, withRelatedFields } from './problemText.ts';
import type { SavedRun } from './savedRuns.ts';
import { readShareHash, type ShareRead } from './shareLink.ts';
import type { BargainingKind } from '../evidence/bargainingEntry.ts';
import { FAIRPACE_VERSION, MODEL_DIGEST } from '../version.ts';
import type { ExportWhich } from './components/ExportControls.tsx';
import { bargainingForPack, editorDiffers, type ShownBargaining } from './exportChoice.ts';
import { useBargainingJobs } from './useBargainJob.ts';
import { useComparison } from './useComparison.ts';
import { useEvidence } from './useEvidence.ts';
import { useSweep } from './useSweep.ts';

function presetById(id: string) {
  return PRESETS.find((p) => p.id === id) ?? PRESETS[0];
}

function loadPreset(id: string) {
  return validateScenario(presetById(id)?.raw);
}

/** Where the scenario in the editor comes from: a preset file, or a scenario opened from a link, a file or a saved run. */
type Source =
  { kind: 'preset'; id: string } | { kind: 'custom'; scenario: Scenario; from: 'link' | 'upload' | 'saved' };

/** The value of the picker's entry for a scenario that is not a preset. */
const CUSTOM = '__custom__';

function loadSource(source: Source): LoadResult {
  return source.kind === 'preset' ? loadPreset(source.id) : { ok: true, scenario: source.scenario, notes: [] };
}

/** A file-name part from a scenario's name: ASCII letters, digits and hyphens, or `scenario`. */
function slug(name: string): string {
  const s = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return s || 'scenario';
}

/** Keeps a rendering error in the dashboard (say, a damaged saved result) from blanking the whole page. */
class ResultsBoundary extends Component<{ t: Translate; children: ReactNode }, { message: string | null }> {
  override state = { message: null as string | null };
  static getDerivedStateFromError(error: unknown) {
    return { message: error instanceof Error ? error.message : String(error) };
  }
  override render() {
    if (this.state.message !== null) {
      return (
        <p className="error" role="alert" data-testid="results-error">
          {this.props.t('results.crashed', { message: this.state.message })}
        </p>
      );
    }
    return this.props.children;
  }
}

/** The text of each field's default (the schema's), shown beside the field. */
const DEFAULT_TEXTS: Record<string, string> = Object.fromEntries(
  SCENARIO_FIELDS.map((spec) => [spec.key, formatValue(spec, valueAt(DEFAULT_SCENARIO, spec))]),
);

/** The whole page. */
export function App() {
  const [lang, setLang] = useState<Lang>(() => defaultLang(navigator.language));
  const t = useMemo(() => translator(lang), [lang]);
  // A share link in the address opens its scenario; a link that cannot be read is explained, over the default preset.
  const [opening] = useState<ShareRead>(() => readShareHash(location.hash));
  const [source, setSource] = useState<Source>(() =>
    opening.kind === 'ok'
      ? { kind: 'custom', scenario: opening.scenario, from: 'link' }
      : { kind: 'preset', id: DEFAULT_PRESET_ID },
  );
  const [notice, setNotice] = useState<{ kind: 'info' | 'error'; text: (t: Translate, lang: Lang) => string } | null>(
    () =>
      opening.kind === 'ok'
        ? { kind: 'info', text: (tr) => tr('scenario.fromLink', { name: opening.scenario.meta.name }) }
        : opening.kind === 'problem'
          ? { kind: 'error', text: (tr, l) => shareProblemText(opening.problem, tr, l) }
          : null,
  );
  const [savedShown, setSavedShown] = useState<SavedRun | null>(null);
  const presetId = source.kind === 'preset' ? source.id : CUSTOM;
  const loaded = useMemo(() => loadSource(source), [source]);
  const base = loaded.ok ? loaded.scenario : null;
  const presetTexts = useMemo(() => (base ? textsOf(base) : {}), [base]);
  const [editor, dispatch] = useReducer(editorReducer, presetTexts, (texts) => ({ texts, history: [] }));
  const { texts } = editor;
  const runner = useComparison();
  const sweep = useSweep();
  const evidence = useEvidence();
  const bargainingJobs = useBargainingJobs();

  const nArms = base ? armCount(texts, base.arms.length) : 0;
  const specs = useMemo(() => new Map((base ? allInputs(base, nArms) : []).map((s) => [s.key, s])), [base, nArms]);
  const draft = useMemo(() => (base ? validateScenario(draftOf(base, texts)) : loaded), [base, texts, loaded]);
  const { byInput, other } = useMemo(
    () =>
      problemsByInput(
        draft.ok ? [] : withRelatedFields(draft.problems.map((p) => ({ ...p, message: problemText(p.message, lang) }))),
        new Set([
          ...specs.keys(),
          ...Array.from({ length: nArms }, (_, i) => [armIdKey(i), armLabelKey(i)]).flat(),
          'arms',
        ]),
      ),
    [draft, specs, lang, nArms],
  );
  const changes = useMemo(() => changesFrom(presetTexts, texts), [presetTexts, texts]);
  const names = useMemo(
    () => (draft.ok ? armNames(draft.scenario, lang) : base ? armNames(base, lang) : {}),
    [draft, base, lang],
  );
  const arms = useMemo(
    () =>
      Array.from({ length: nArms }, (_, i) => {
        const id = texts[armIdKey(i)] ?? base?.arms[i]?.id ?? '';
        const label = texts[armLabelKey(i)] ?? base?.arms[i]?.label ?? id;
        return { id, name: names[id] ?? label, label };
      }),
    [nArms, texts, base, names],
  );
  const result = runner.result;
  const resultNames = useMemo(() => (result ? armNames(result.scenario, lang) : {}), [result, lang]);
  const resultContext = useMemo(() => contextOf(result?.scenario), [result]);
  // Whenever the editor no longer holds the results' scenario, valid or not: an invalid edit is an edit too.
  const stale = result !== null && editorDiffers(result.scenario, draft);
  const comparing = runner.phase.kind === 'running';
  const sweeping = sweep.phase.kind === 'running';
  const evidencing = evidence.running;
  const [bargaining, setBargaining] = useState(false);
  const shownName = result?.scenario.meta.name ?? '';
  const fileBase = source.kind === 'preset' ? source.id : slug(loaded.ok ? loaded.scenario.meta.name : '');
  const differs = useMemo(() => editorDiffers(result?.scenario ?? null, draft), [result, draft]);
  const shownBargaining: ShownBargaining[] = [
    { kind: 'target' as const, result: bargainingJobs.target.result },
    { kind: 'sensitivity' as const, result: bargainingJobs.tornado.result },
    { kind: 'zone' as const, result: bargainingJobs.zone.result },
    { kind: 'robustness' as const, result: bargainingJobs.robustness.result },
  ].flatMap((b) => (b.result ? [{ kind: b.kind, result: b.result }] : []));
  const availableBargaining = new Set(shownBargaining.map((b) => b.kind));
  // A robustness run speaks under the headline cards only when it was made on the scenario the cards show.
  const robustnessResult = bargainingJobs.robustness.result;
  const shownDigest = useMemo(() => (result ? digestOf(result.scenario) : null), [result]);
  const robustnessShown = robustnessResult && robustnessResult.scenarioDigest === shownDigest ? robustnessResult : null;

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `Fairpace · ${t('app.title')}`;
  }, [lang, t]);

  // Opens with results already computing: the default preset runs as soon as the page is up.
  const { run } = runner;
  useEffect(() => {
    if (base) run(base);
  }, []); // only on first open, with the default preset

  /** Puts a new scenario in the editor, forgetting the results shown for the old one. */
  const openSource = (next: Source) => {
    runner.clear();
    sweep.clear();
    setSavedShown(null);
    setSource(next);
    const nextLoaded = loadSource(next);
    dispatch({ type: 'reset', texts: nextLoaded.ok ? textsOf(nextLoaded.scenario) : {} });
  };
  const choosePreset = (id: string) => {
    if (id === CUSTOM) return;
    if (location.hash) history.replaceState(null, '', `${location.pathname}${location.search}`);
    setNotice(null);
    openSource({ kind: 'preset', id });
    // A chosen preset runs at once, or says it must be run once the pool is free.
    const chosen = loadPreset(id);
    if (chosen.ok && (sweeping || evidencing || bargaining))
      setNotice({ kind: 'info', text: (tr) => tr('preset.mustRun') });
    else if (chosen.ok) runner.run(chosen.scenario);
  };
  const onUpload = (scenario: Scenario) => {
    openSource({ kind: 'custom', scenario, from: 'upload' });
    setNotice({ kind: 'info', text: (tr) => tr('scenario.uploaded', { name: scenario.meta.name }) });
  };
  /** An imported MDRP instance: opened like an uploaded scenario, and compared at once. */
  const onImportMdrp = (scenario: Scenario, counts: { orders: number; couriers: number; restaurants: number }) => {
    openSource({ kind: 'custom', scenario, from: 'upload' });
    setNotice({ kind: 'info', text: (tr) => tr('mdrp.imported', { name: scenario.meta.name, ...counts }) });
    if (!sweeping && !evidencing && !bargaining) runner.run(scenario);
  };
  const openSaved = (saved: SavedRun) => {
    openSource({ kind: 'custom', scenario: saved.scenario, from: 'saved' });
    setNotice(null);
    setSavedShown(saved);
    runner.show({ scenario: saved.scenario, comparison: saved.comparison, calibration: saved.calibration });
  };
  /**
   * Export: the results on screen with their own scenario, or the edited scenario, run for the pack, whose results
   * then replace those on screen. Either carries the chosen bargaining results computed on the scenario it packs.
   */
  const onExport = (which: ExportWhich, include: ReadonlySet<BargainingKind>) => {
    if (!result) return;
    if (which === 'edited') {
      if (!draft.ok) return;
      const scenario = draft.scenario;
      evidence.exportPack(scenario, `fairpace-${fileBase}-edited.zip`, {
        bargaining: bargainingForPack(scenario, shownBargaining, include),
        edited: true,
        onBuilt: (pack) => {
          setSavedShown(null);
          runner.show({ scenario, comparison: pack.comparison, calibration: pack.calibration });
        },
      });
    } else {
      evidence.exportPack(result.scenario, `fairpace-${fileBase}.zip`, {
        bargaining: bargainingForPack(result.scenario, shownBargaining, include),
      });
    }
  };
  const onEdit = (key: string, text: string) => dispatch({ type: 'edit', key, text });
  const onAddArm = () => dispatch({ type: 'addArm' });
  const onRemoveArm = (index: number) => dispatch({ type: 'removeArm', index });

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
              {source.kind === 'custom' && (
                <option value={CUSTOM} data-testid="preset-custom">
                  {t('preset.custom', { name: localPart(source.scenario.meta.name, lang) })}
                </option>
              )}
              {PRESETS.map((p) => (
                <option key={p.id} value={p.id}>
                  {localPart(presetName(p), lang)}
                </option>
              ))}
            </select>
          </label>
          {loaded.ok && loaded.scenario.meta.description.trim() !== '' && (
            <details className="preset-description" data-testid="preset-description">
              <summary>{t('preset.about')}</summary>
              {localParagraphs(loaded.scenario.meta.description, lang).map((p, i) => (
                <p key={i}>{p}</p>
              ))}
            </details>
          )}
          {notice && (
            <p
              className={notice.kind === 'error' ? 'error' : 'hint'}
              role={notice.kind === 'error' ? 'alert' : 'status'}
              data-testid="scenario-notice"
              data-kind={notice.kind}
            >
              {notice.text(t, lang)}
            </p>
          )}
          {!loaded.ok && (
            <p className="error" role="alert">
              {t('preset.invalid')}
              {loaded.problems.map((p) => `${pathText(p.path, lang)}: ${problemText(p.message, lang)}`).join('; ')}
            </p>
          )}
          <RunControls
            phase={runner.phase}
            valid={draft.ok}
            busy={sweeping || evidencing || bargaining}
            replications={result?.comparison.seeds.length ?? 0}
            arms={result?.comparison.arms.length ?? 0}
            t={t}
            onRun={() => {
              if (!draft.ok) return;
              setSavedShown(null);
              runner.run(draft.scenario);
            }}
            onCancel={runner.cancel}
          />
          {loaded.ok && other.length > 0 && (
            <ul className="error" role="alert" data-testid="other-problems">
              {other.map((p) => (
                <li key={p.path + p.message}>
                  {pathText(p.path, lang)}: {p.message}
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
              lang={lang}
              t={t}
              onEdit={onEdit}
              onAddArm={onAddArm}
              onRemoveArm={onRemoveArm}
              onUndo={() => dispatch({ type: 'undo' })}
            />
          )}
          <ScenarioTools
            scenario={draft.ok ? draft.scenario : null}
            fileBase={fileBase}
            lang={lang}
            t={t}
            onUpload={onUpload}
          />
          <MdrpImport t={t} onImport={onImportMdrp} />
          <p className="privacy">{t('app.privacy')}</p>
          <p className="about" data-testid="about" data-model-digest={MODEL_DIGEST} title={t('app.aboutTitle')}>
            {t('app.about', { version: FAIRPACE_VERSION, digest: MODEL_DIGEST })}
          </p>
          <p className="about" data-testid="about-model">
            {t('app.modelDoc', { path: MODEL_DOC })}
          </p>
        </aside>

        <div className="results">
          <Guide scenario={draft.ok ? draft.scenario : null} lang={lang} t={t} />
          <section aria-live="polite" aria-labelledby="results-heading">
            {stale && (
              <p className="stale" data-testid="stale" role="status">
                {t(draft.ok ? 'run.stale' : 'run.staleInvalid')}
              </p>
            )}
            {!result && <p className="empty">{comparing ? t('run.running') : t('run.none')}</p>}
            {result && (
              <ResultsBoundary key={result.comparison.scenarioDigest + (savedShown?.id ?? '')} t={t}>
                <h2 id="results-heading">{t('results.heading')}</h2>
                <ProvisionalBanner provisional={result.provisional} t={t} />
                <p className="scenario-name" data-testid="result-scenario-name">
                  {t('scenario.shownName', { name: localPart(shownName, lang) })}
                </p>
                {savedShown && (
                  <p className="hint" data-testid="saved-shown">
                    {t('saved.opened', {
                      name: savedShown.name,
                      date: new Date(savedShown.savedAt).toLocaleString(lang),
                    })}
                  </p>
                )}
                <p className="seeds">{t('results.seeds', { seeds: result.comparison.seeds.join(', ') })}</p>
                <CostSentence
                  scenario={result.scenario}
                  comparison={result.comparison}
                  lang={lang}
                  t={t}
                  provisional={result.provisional}
                />
                <PlatformCost
                  scenario={result.scenario}
                  comparison={result.comparison}
                  lang={lang}
                  t={t}
                  provisional={result.provisional}
                />
                <ModelCheckNotice calibration={result.calibration} context={resultContext} lang={lang} t={t} />
                <HeadlineCards
                  comparison={result.comparison}
                  robustness={robustnessShown}
                  armNames={resultNames}
                  context={resultContext}
                  lang={lang}
                  t={t}
                />
                <MdrpCards comparison={result.comparison} armNames={resultNames} lang={lang} t={t} />
                <h2>{t('compliance.heading')}</h2>
                <ComplianceTable
                  arms={result.comparison.arms}
                  armNames={resultNames}
                  scenario={result.scenario}
                  lang={lang}
                  t={t}
                />
                <DetailFigures
                  comparison={result.comparison}
                  armNames={resultNames}
                  context={resultContext}
                  lang={lang}
                  t={t}
                />
                <ComparisonCharts
                  scenario={result.scenario}
                  comparison={result.comparison}
                  armNames={resultNames}
                  lang={lang}
                  t={t}
                />
                <ModelCheckPanel
                  calibration={result.calibration}
                  armNames={resultNames}
                  context={resultContext}
                  lang={lang}
                  t={t}
                  provisional={result.provisional}
                />
              </ResultsBoundary>
            )}
          </section>
          <EvidencePanel
            evidence={evidence}
            canExport={result !== null}
            busy={comparing || sweeping || bargaining}
            editorDiffers={differs}
            editedValid={draft.ok}
            available={availableBargaining}
            t={t}
            onExport={onExport}
          />
          <SavedRuns
            result={result?.provisional ? null : result}
            defaultName={localPart(shownName, lang)}
            lang={lang}
            t={t}
            onOpen={openSaved}
          />
          <SweepView
            scenario={draft.ok ? draft.scenario : null}
            sweep={sweep}
            busy={comparing || evidencing || bargaining}
            lang={lang}
            t={t}
          />
          <BargainingPanel
            scenario={draft.ok ? draft.scenario : null}
            jobs={bargainingJobs}
            busy={comparing || sweeping || evidencing}
            lang={lang}
            t={t}
            onRunning={setBargaining}
          />
          <RiderAuditPanel scenario={draft.ok ? draft.scenario : null} lang={lang} t={t} />
        </div>
      </main>
    </div>
  );
}
