/**
 * The Export button and what it asks first: which bargaining results on screen to carry, and, when the editor no
 * longer matches the results on screen, whether to run and export the edited scenario or export the results shown.
 */
import { useState, type ReactNode } from 'react';
import { BARGAINING_KINDS, type BargainingKind } from '../../evidence/bargainingEntry.ts';
import type { MessageKey, Translate } from '../i18n.ts';
import { Rich } from './Rich.tsx';

/** Which scenario an export packs: the one of the results on screen, or the editor's (run for the export). */
export type ExportWhich = 'shown' | 'edited';

interface Props {
  /** False when there is no finished comparison on screen. */
  canExport: boolean;
  /** True while another job holds the worker pool. */
  blocked: boolean;
  /** The editor's scenario is not the one of the results on screen. */
  editorDiffers: boolean;
  /** The editor's scenario is valid, so it can be run. */
  editedValid: boolean;
  /** The bargaining results on screen. */
  available: ReadonlySet<BargainingKind>;
  t: Translate;
  onExport: (which: ExportWhich, include: ReadonlySet<BargainingKind>) => void;
  /** More buttons for the row of Export (Cancel). */
  children?: ReactNode;
}

/** The name of a kind of bargaining result in the reader's language. */
export const kindName = (kind: BargainingKind, t: Translate) => t(`export.kind.${kind}` as MessageKey);

/** Export, its bargaining check boxes, and the choice shown when the editor differs from the results. */
export function ExportControls(props: Props) {
  const { canExport, blocked, editorDiffers, editedValid, available, t, onExport, children } = props;
  const [asking, setAsking] = useState(false);
  const [excluded, setExcluded] = useState<ReadonlySet<BargainingKind>>(new Set());
  const include = new Set(BARGAINING_KINDS.filter((k) => available.has(k) && !excluded.has(k)));
  const go = (which: ExportWhich) => {
    setAsking(false);
    onExport(which, include);
  };
  const toggle = (kind: BargainingKind, on: boolean) => {
    const next = new Set(excluded);
    if (on) next.delete(kind);
    else next.add(kind);
    setExcluded(next);
  };

  return (
    <>
      <fieldset className="export-include" data-testid="export-include">
        <legend>
          <Rich text={t('export.include')} />
        </legend>
        {BARGAINING_KINDS.map((kind) => (
          <label key={kind}>
            <input
              type="checkbox"
              data-testid={`include-${kind}`}
              disabled={!available.has(kind)}
              checked={include.has(kind)}
              onChange={(e) => toggle(kind, e.target.checked)}
            />
            {kindName(kind, t)}
            {!available.has(kind) && <span className="hint"> {t('export.notRun')}</span>}
          </label>
        ))}
      </fieldset>
      <div className="buttons">
        <button
          type="button"
          data-testid="export-pack"
          disabled={!canExport || blocked}
          title={canExport ? undefined : t('evidence.needResult')}
          onClick={() => (editorDiffers ? setAsking(true) : go('shown'))}
        >
          {t('evidence.export')}
        </button>
        {children}
      </div>
      {asking && editorDiffers && (
        <div
          className="export-choice"
          role="alertdialog"
          aria-labelledby="export-choice-text"
          data-testid="export-choice"
        >
          <p id="export-choice-text">{t('export.differs')}</p>
          {!editedValid && <p className="error">{t('export.editedInvalid')}</p>}
          <div className="buttons">
            <button
              type="button"
              className="primary"
              data-testid="export-edited"
              disabled={!editedValid || blocked}
              onClick={() => go('edited')}
            >
              {t('export.runEdited')}
            </button>
            <button type="button" data-testid="export-shown" disabled={blocked} onClick={() => go('shown')}>
              {t('export.shown')}
            </button>
            <button type="button" data-testid="export-back" onClick={() => setAsking(false)}>
              {t('export.back')}
            </button>
          </div>
        </div>
      )}
    </>
  );
}
