/** The workbench: preset, run and scenario editor on the left; the comparison and the sweep on the right. */
import { useEffect, useMemo, useReducer, useState } from 'react';
import { validateScenario } from '../scenario/load.ts';
import type { Scenario } from '../scenario/schema.ts';
import { armNames } from './armNames.ts';
import { EvidencePanel } from './components/EvidencePanel.tsx';
import { SavedRuns } from './components/SavedRuns.tsx';
import { ScenarioTools, shareProblemText } from './components/ScenarioTools.tsx';
import { Guide } from './components/Guide.tsx';
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
import { defaultLang, localPart, translator, type Lang } from './i18n.ts';
import { DEFAULT_PRESET_ID } from './presets.ts';
import { pathText, problemText, withRelatedFields } from './problemText.ts';
import type { SavedRun } from './savedRuns.ts';
import { readShareHash, type ShareRead } from './shareLink.ts';
import type { BargainingKind } from '../evidence/bargainingEntry.ts';
import type { ExportWhich } from './components/ExportControls.tsx';
import { bargainingForPack, editorDiffers, type ShownBargaining } from './exportChoice.ts';
import { AboutNotes } from './shell/AboutNotes.tsx';
import { AppHeader } from './shell/AppHeader.tsx';
import { PresetPicker, type ScenarioNotice } from './shell/PresetPicker.tsx';
import { ResultsSection } from './shell/ResultsSection.tsx';
import { CUSTOM, loadPreset, loadSource, slug, type Source } from './shell/scenarioSource.ts';
import { useBargainingJobs } from './useBargainJob.ts';
import { useComparison } from './useComparison.ts';
import { useEvidence } from './useEvidence.ts';
import { useSweep } from './useSweep.ts';

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
  const [notice, setNotice] = useState<ScenarioNotice | null>(() =>
    opening.kind === 'ok'
      ? { kind: 'info', text: (tr) => tr('scenario.fromLink', { name: opening.scenario.meta.name }) }
      : opening.kind === 'problem'
        ? { kind: 'error', text: (tr, l) => shareProblemText(opening.problem, tr, l) }
        : null,
  );
  const [savedShown, setSavedShown] = useState<SavedRun | null>(null);
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
  const comparing = runner.phase.kind === 'running';
  const sweeping = sweep.phase.kind === 'running';
  const evidencing = evidence.running;
  const [bargaining, setBargaining] = useState(false);
  const fileBase = source.kind === 'preset' ? source.id : slug(loaded.ok ? loaded.scenario.meta.name : '');
  // Whenever the editor no longer holds the results' scenario, valid or not: an invalid edit is an edit too.
  const differs = useMemo(() => editorDiffers(result?.scenario ?? null, draft), [result, draft]);
  const shownBargaining: ShownBargaining[] = [
    { kind: 'target' as const, result: bargainingJobs.target.result },
    { kind: 'sensitivity' as const, result: bargainingJobs.tornado.result },
    { kind: 'zone' as const, result: bargainingJobs.zone.result },
    { kind: 'robustness' as const, result: bargainingJobs.robustness.result },
  ].flatMap((b) => (b.result ? [{ kind: b.kind, result: b.result }] : []));
  const availableBargaining = new Set(shownBargaining.map((b) => b.kind));

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
      <AppHeader lang={lang} t={t} onLang={setLang} />

      <main>
        <aside className="controls">
          <PresetPicker source={source} loaded={loaded} notice={notice} lang={lang} t={t} onChoose={choosePreset} />
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
          <AboutNotes t={t} />
        </aside>

        <div className="results">
          <Guide scenario={draft.ok ? draft.scenario : null} lang={lang} t={t} />
          <ResultsSection
            result={result}
            savedShown={savedShown}
            stale={differs}
            editedValid={draft.ok}
            comparing={comparing}
            robustness={bargainingJobs.robustness.result}
            lang={lang}
            t={t}
          />
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
            defaultName={localPart(result?.scenario.meta.name ?? '', lang)}
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
