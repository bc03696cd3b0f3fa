/**
 * Export of an evidence pack for the comparison on screen (or the edited scenario, run for it), with the bargaining
 * results on screen, and verification of a chosen or dropped pack.
 */
import { useState, type DragEvent } from 'react';
import type { BargainingKind } from '../../evidence/bargainingEntry.ts';
import { FAIRPACE_VERSION, MODEL_DIGEST } from '../../version.ts';
import type { Translate } from '../i18n.ts';
import type { EvidenceRunner } from '../useEvidence.ts';
import { ExportControls, kindName, type ExportWhich } from './ExportControls.tsx';
import { ProgressRow } from './ProgressRow.tsx';
import { Rich } from './Rich.tsx';

interface Props {
  evidence: EvidenceRunner;
  /** False when there is no finished comparison to export. */
  canExport: boolean;
  /** True while a comparison or a sweep holds the worker pool. */
  busy: boolean;
  /** The editor's scenario is not the one of the results on screen. */
  editorDiffers: boolean;
  /** The editor's scenario is valid, so it can be run and exported. */
  editedValid: boolean;
  /** The bargaining results on screen. */
  available: ReadonlySet<BargainingKind>;
  t: Translate;
  onExport: (which: ExportWhich, include: ReadonlySet<BargainingKind>) => void;
}

/** The evidence panel. */
export function EvidencePanel({
  evidence,
  canExport,
  busy,
  editorDiffers,
  editedValid,
  available,
  t,
  onExport,
}: Props) {
  const { phase } = evidence;
  const list = (kinds: readonly BargainingKind[]) => kinds.map((k) => kindName(k, t)).join(t('export.listSeparator'));
  const [dragging, setDragging] = useState(false);
  const blocked = busy || evidence.running;
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file && !blocked) evidence.verifyFile(file);
  };

  return (
    <section className="evidence" aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">{t('evidence.heading')}</h2>
      <p className="hint">
        <Rich text={t('evidence.intro')} />
      </p>
      <ExportControls
        canExport={canExport}
        blocked={blocked}
        editorDiffers={editorDiffers}
        editedValid={editedValid}
        available={available}
        t={t}
        onExport={onExport}
      >
        <button type="button" data-testid="cancel-evidence" disabled={!evidence.running} onClick={evidence.cancel}>
          {t('evidence.cancel')}
        </button>
      </ExportControls>
      <div
        className={dragging ? 'drop-zone dragging' : 'drop-zone'}
        data-testid="verify-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label className="file-button">
          <span>{t('evidence.verifyLabel')}</span>
          <input
            type="file"
            accept=".zip,application/zip"
            data-testid="verify-input"
            disabled={blocked}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) evidence.verifyFile(file);
            }}
          />
        </label>
        <span className="hint">{t('evidence.drop')}</span>
      </div>
      {phase.kind === 'running' && (
        <ProgressRow
          testId="evidence-progress"
          done={phase.done}
          total={phase.total}
          caption={t(phase.job === 'export' ? 'evidence.exporting' : 'evidence.verifying', phase)}
        />
      )}
      <div data-testid="evidence-status" data-phase={phase.kind} role="status">
        {phase.kind === 'exported' && (
          <>
            <p>
              {t('evidence.exported', {
                file: phase.fileName,
                kb: (phase.bytes / 1024).toFixed(0),
                digest: phase.digest.slice(0, 16),
              })}
            </p>
            {phase.edited && <p data-testid="export-shows-edited">{t('export.showsEdited')}</p>}
            {phase.included.length > 0 && (
              <p data-testid="export-included">{t('export.included', { list: list(phase.included) })}</p>
            )}
            {phase.leftOut.length > 0 && (
              <p className="hint" data-testid="export-left-out">
                {t('export.leftOut', { list: list(phase.leftOut) })}
              </p>
            )}
          </>
        )}
        {phase.kind === 'cancelled' && <p>{t('evidence.cancelled')}</p>}
        {phase.kind === 'verified' && (
          <p className="pass" data-testid="verify-result" data-outcome="verified">
            {t('evidence.verified', { file: phase.fileName })}
          </p>
        )}
        {phase.kind === 'notVerified' && phase.otherModel && (
          <div className="error" data-testid="verify-result" data-outcome="other-model">
            <p>
              {t('evidence.otherModel', {
                file: phase.fileName,
                theirs: phase.otherModel.modelDigest ?? t('evidence.noFingerprint'),
                version: phase.otherModel.fairpaceVersion,
                ours: MODEL_DIGEST,
                ourVersion: FAIRPACE_VERSION,
              })}
            </p>
          </div>
        )}
        {phase.kind === 'notVerified' && !phase.otherModel && (
          <div className="error" data-testid="verify-result" data-outcome="not-verified">
            <p>{t('evidence.notVerified', { file: phase.fileName, count: phase.differences.length })}</p>
            <ul>
              {phase.differences.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          </div>
        )}
        {phase.kind === 'error' && (
          <div
            className="error"
            role="alert"
            data-testid={phase.job === 'verify' ? 'verify-result' : 'export-error'}
            data-outcome="error"
          >
            <p>
              {phase.job === 'verify'
                ? t('evidence.verifyError', { file: phase.fileName ?? '' })
                : t('evidence.exportError')}
            </p>
            <ul>
              {phase.lines.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          </div>
        )}
        {(phase.kind === 'verified' || phase.kind === 'notVerified') &&
          phase.notes.map((note, i) => (
            <p key={i} className="hint">
              {t('evidence.note', { note })}
            </p>
          ))}
      </div>
    </section>
  );
}
