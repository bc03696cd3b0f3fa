/** The preset picker, the chosen scenario's description, and what the page says about the scenario it opened. */
import type { LoadResult } from '../../scenario/load.ts';
import { localParagraphs, localPart, type Lang, type Translate } from '../i18n.ts';
import { PRESETS, presetName } from '../presets.ts';
import { pathText, problemText } from '../problemText.ts';
import { CUSTOM, type Source } from './scenarioSource.ts';

/** A line about the scenario in the editor (opened from a link, uploaded, imported, or to be run), in either language. */
export interface ScenarioNotice {
  kind: 'info' | 'error';
  text: (t: Translate, lang: Lang) => string;
}

interface Props {
  source: Source;
  loaded: LoadResult;
  notice: ScenarioNotice | null;
  lang: Lang;
  t: Translate;
  onChoose: (id: string) => void;
}

/** The picker, with an entry for a scenario that is no preset, and the scenario's description folded under it. */
export function PresetPicker({ source, loaded, notice, lang, t, onChoose }: Props) {
  return (
    <>
      <label className="preset">
        <span>{t('preset.label')}</span>
        <select
          data-testid="preset-select"
          value={source.kind === 'preset' ? source.id : CUSTOM}
          onChange={(e) => onChoose(e.target.value)}
        >
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
    </>
  );
}
