/** The saved-runs library: save the comparison on screen, and open, rename or delete a saved one. */
import { useCallback, useEffect, useState } from 'react';
import type { Lang, Translate } from '../i18n.ts';
import {
  deleteRun,
  listSavedRuns,
  MAX_NAME_CHARS,
  renameRun,
  saveRun,
  type SavedRun,
  type SavedRunList,
} from '../savedRuns.ts';
import type { ComparisonResult } from '../useComparison.ts';

interface Props {
  /** The finished comparison on screen, if any. */
  result: ComparisonResult | null;
  /** The name a new save starts with. */
  defaultName: string;
  lang: Lang;
  t: Translate;
  onOpen: (run: SavedRun) => void;
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The library. */
export function SavedRuns({ result, defaultName, lang, t, onOpen }: Props) {
  const [list, setList] = useState<SavedRunList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [renaming, setRenaming] = useState<{ id: number; name: string } | null>(null);
  const date = (iso: string) => new Date(iso).toLocaleString(lang);

  const refresh = useCallback(async () => {
    try {
      setList(await listSavedRuns());
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const act = async (action: () => Promise<unknown>, done?: string) => {
    try {
      await action();
      setNotice(done ?? null);
    } catch (e) {
      setError(errorText(e));
    }
    await refresh();
  };

  const save = () => {
    if (!result) return;
    const chosen = (name.trim() || defaultName).slice(0, MAX_NAME_CHARS);
    void act(
      () => saveRun(chosen, result.scenario, result.comparison, result.calibration),
      t('saved.saved', { name: chosen }),
    ).then(() => setName(''));
  };

  return (
    <section className="saved-runs" aria-labelledby="saved-heading">
      <h2 id="saved-heading">{t('saved.heading')}</h2>
      <div className="save-row">
        <label>
          <span>{t('saved.name')}</span>
          <input
            data-testid="save-name"
            value={name}
            maxLength={MAX_NAME_CHARS}
            placeholder={defaultName}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <button type="button" data-testid="save-run" disabled={!result} onClick={save}>
          {t('saved.save')}
        </button>
      </div>
      {notice && (
        <p className="hint" role="status" data-testid="saved-notice">
          {notice}
        </p>
      )}
      {error && (
        <p className="error" role="alert" data-testid="saved-error">
          {t('saved.error', { message: error })}
        </p>
      )}
      <ul className="saved-list" data-testid="saved-runs" data-loaded={list ? 'true' : 'false'}>
        {list && list.runs.length === 0 && list.broken.length === 0 && <li className="hint">{t('saved.none')}</li>}
        {list?.runs.map((run) => (
          <li key={run.id} data-testid="saved-run" data-id={run.id}>
            {renaming?.id === run.id ? (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  const next = renaming.name.trim();
                  setRenaming(null);
                  if (next) void act(() => renameRun(run.id, next));
                }}
              >
                <input
                  data-testid="rename-input"
                  value={renaming.name}
                  maxLength={MAX_NAME_CHARS}
                  aria-label={t('saved.rename')}
                  onChange={(e) => setRenaming({ id: run.id, name: e.target.value })}
                />
                <button type="submit" data-testid="rename-confirm">
                  {t('saved.renameSave')}
                </button>
                <button type="button" onClick={() => setRenaming(null)}>
                  {t('saved.renameCancel')}
                </button>
              </form>
            ) : (
              <>
                <span className="saved-name" data-testid="saved-run-name">
                  {run.name}
                </span>
                <span className="hint">{t('saved.meta', { date: date(run.savedAt) })}</span>
                <button type="button" data-testid="open-run" onClick={() => onOpen(run)}>
                  {t('saved.open')}
                </button>
                <button
                  type="button"
                  data-testid="rename-run"
                  onClick={() => setRenaming({ id: run.id, name: run.name })}
                >
                  {t('saved.rename')}
                </button>
                <button type="button" data-testid="delete-run" onClick={() => void act(() => deleteRun(run.id))}>
                  {t('saved.delete')}
                </button>
              </>
            )}
          </li>
        ))}
        {list?.broken.map((b) => (
          <li key={String(b.id)} className="error" data-testid="saved-run-broken">
            <span>{t('saved.broken', { id: String(b.id), reason: b.reason })}</span>
            <button
              type="button"
              data-testid="delete-broken"
              onClick={() => void act(() => deleteRun(b.id as IDBValidKey))}
            >
              {t('saved.delete')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
