/**
 * The rider audit panel: drop (or pick) members' order records and optionally their online time, choose the
 * standards, and see the audit at once; the report and the audit zip are offered as downloads. Nothing is uploaded:
 * the files are read by this page, and the salt of the rider-id hashes stays in this browser's storage.
 */
import { Fragment, useEffect, useMemo, useState, type DragEvent, type ReactNode } from 'react';
import type { Scenario } from '../../scenario/schema.ts';
import { FAIRPACE_VERSION } from '../../version.ts';
import { localPart, type Lang, type Translate } from '../i18n.ts';
import { MAX_AUDIT_FILE_BYTES, newSalt, runAudit, type DroppedFile, type StandardsChoice } from '../riderAudit.ts';
import { downloadBytes } from '../useEvidence.ts';

interface Props {
  scenario: Scenario | null;
  lang: Lang;
  t: Translate;
}

const SALT_KEY = 'fairpace.auditSalt';

function storedSalt(): string {
  try {
    const saved = localStorage.getItem(SALT_KEY);
    if (saved && saved.length >= 16) return saved;
    const fresh = newSalt();
    localStorage.setItem(SALT_KEY, fresh);
    return fresh;
  } catch {
    // Storage may be off (private windows); a salt for this visit still hides the ids.
    return newSalt();
  }
}

const pct = (x: number) => `${(Math.round(x * 1000) / 10).toString()}%`;
const num = (x: number) => String(Math.round(x * 100) / 100);

/** One drop zone with its file input. */
function DropZone({
  label,
  file,
  testId,
  t,
  onFile,
}: {
  label: string;
  file: DroppedFile | undefined;
  testId: string;
  t: Translate;
  onFile: (file: File | undefined) => void;
}) {
  const [over, setOver] = useState(false);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    onFile(e.dataTransfer.files[0]);
  };
  return (
    <div
      className={`drop-zone${over ? ' dragging' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      data-testid={`${testId}-zone`}
    >
      <label className="file-button">
        <span>{label}</span>
        <input
          type="file"
          accept=".csv,.zip,text/csv,application/zip"
          data-testid={testId}
          onChange={(e) => {
            onFile(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </label>
      <span className="hint">
        {file ? t('audit.chosen', { name: file.name, kb: Math.ceil(file.bytes.length / 1024) }) : t('audit.drop')}
      </span>
      {file && (
        <button type="button" onClick={() => onFile(undefined)}>
          {t('audit.clear')}
        </button>
      )}
    </div>
  );
}

/** The panel. */
export function RiderAuditPanel({ scenario, lang, t }: Props) {
  const [records, setRecords] = useState<DroppedFile>();
  const [online, setOnline] = useState<DroppedFile>();
  const [standards, setStandards] = useState<StandardsChoice>('yantai-2021');
  const [salt, setSalt] = useState<string>(storedSalt);
  const [readError, setReadError] = useState<string | null>(null);

  useEffect(() => {
    try {
      if (salt.length >= 16) localStorage.setItem(SALT_KEY, salt);
    } catch {
      // See storedSalt.
    }
  }, [salt]);

  const load = (set: (f: DroppedFile | undefined) => void) => async (file: File | undefined) => {
    setReadError(null);
    if (!file) {
      set(undefined);
      return;
    }
    if (file.size > MAX_AUDIT_FILE_BYTES) {
      setReadError(t('audit.tooBig', { file: file.name, bytes: file.size, max: MAX_AUDIT_FILE_BYTES }));
      return;
    }
    try {
      set({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    } catch (e) {
      setReadError(t('audit.readError', { message: e instanceof Error ? e.message : String(e) }));
    }
  };

  const outcome = useMemo(() => {
    if (!records || salt.length < 16) return null;
    try {
      return runAudit({
        records,
        ...(online ? { online } : {}),
        standards,
        editorScenario: scenario,
        salt,
        fairpaceVersion: FAIRPACE_VERSION,
      });
    } catch (e) {
      return { ok: false as const, lines: [e instanceof Error ? e.message : String(e)] };
    }
  }, [records, online, standards, scenario, salt]);

  const figureRows =
    outcome?.ok === true
      ? outcome.audit.figures
          .filter((f) => f.n > 0)
          .map((f) => (
            <tr key={f.id} data-testid={`audit-figure-${f.id}`} data-value={String(f.value)}>
              <th>{lang === 'zh-CN' ? f.labelZh : f.label}</th>
              <td className="num">{f.unit === 'share' ? pct(f.value) : num(f.value)}</td>
              <td className="num">
                {f.unit === 'share' ? `${pct(f.lo)} – ${pct(f.hi)}` : `${num(f.lo)} – ${num(f.hi)}`}
              </td>
              <td className="num">{f.n}</td>
            </tr>
          ))
      : null;

  return (
    <section className="rider-audit" aria-labelledby="rider-audit-heading" data-testid="rider-audit">
      <h2 id="rider-audit-heading">{t('audit.heading')}</h2>
      <p className="hint">{t('audit.hint')}</p>
      <p className="hint">
        <small>{withCode(t('audit.layout'), AUDIT_LAYOUT)}</small>
      </p>
      <div className="audit-inputs">
        <DropZone label={t('audit.records')} file={records} testId="audit-records" t={t} onFile={load(setRecords)} />
        <DropZone label={t('audit.online')} file={online} testId="audit-online" t={t} onFile={load(setOnline)} />
        <label>
          <span>{t('audit.standards')}</span>
          <select
            value={standards}
            data-testid="audit-standards"
            onChange={(e) => setStandards(e.target.value as StandardsChoice)}
          >
            <option value="yantai-2021">
              {lang === 'zh-CN' ? '烟台 2021（21 元/小时）' : 'Yantai 2021 (21 CNY/h)'}
            </option>
            <option value="tangshan-2022">
              {lang === 'zh-CN' ? '唐山 2022（19 元/小时）' : 'Tangshan 2022 (19 CNY/h)'}
            </option>
            <option value="editor" disabled={!scenario}>
              {t('audit.standards.editor', { name: scenario ? localPart(scenario.meta.name, lang) : '—' })}
            </option>
          </select>
        </label>
        <label>
          <span>{t('audit.salt')}</span>
          <input
            type="text"
            value={salt}
            spellCheck={false}
            autoComplete="off"
            data-testid="audit-salt"
            onChange={(e) => setSalt(e.target.value.trim())}
          />
          <button type="button" onClick={() => setSalt(newSalt())}>
            {t('audit.newSalt')}
          </button>
        </label>
        <p className="hint">
          <small>{withCode(t('audit.saltHint'), { command: 'fairpace audit riders' })}</small>
        </p>
      </div>
      {readError && (
        <p className="error" role="alert" data-testid="audit-error">
          {readError}
        </p>
      )}
      {outcome?.ok === false && (
        <ul className="error" role="alert" data-testid="audit-error">
          <li>{t('audit.error')}</li>
          {outcome.lines.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
      {outcome?.ok === true && (
        <div data-testid="audit-result">
          <p data-testid="audit-summary">
            {t('audit.summary', {
              riders: outcome.audit.counts.riders,
              orders: outcome.audit.counts.orders,
              days: outcome.audit.counts.riderDays,
              first: outcome.audit.counts.firstDate,
              last: outcome.audit.counts.lastDate,
            })}{' '}
            {t(outcome.audit.basis === 'online' ? 'audit.basis.online' : 'audit.basis.engaged')}{' '}
            {outcome.audit.counts.duplicateOrders > 0 &&
              t('audit.duplicates', { count: outcome.audit.counts.duplicateOrders })}
          </p>
          <table className="audit-figures">
            <thead>
              <tr>
                <th>{t('audit.col.figure')}</th>
                <th>{t('audit.col.value')}</th>
                <th>{t('audit.col.interval')}</th>
                <th>{t('audit.col.n')}</th>
              </tr>
            </thead>
            <tbody>{figureRows}</tbody>
          </table>
          <div className="buttons">
            <button
              type="button"
              data-testid="audit-download-zip"
              onClick={() => downloadBytes(outcome.zip, 'audit.zip', 'application/zip')}
            >
              {t('audit.downloadZip')}
            </button>
            <button
              type="button"
              data-testid="audit-download-report"
              onClick={() => {
                const report = outcome.files.find((f) => f.name === 'report.html');
                if (report) downloadBytes(report.bytes, 'report.html', 'text/html');
              }}
            >
              {t('audit.downloadReport')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

/** The file layouts' literal parts: column names and an example time, shown as code in either language. */
const AUDIT_LAYOUT: Record<string, string> = {
  records: 'rider_id, accepted_at, picked_up_at, delivered_at, km, pay_cny, fine_cny',
  optional: 'promised_at',
  example: '2024-05-01T11:32:00+08:00',
  online: 'rider_id, date, online_hours',
};

/** A message whose {name} placeholders become <code> elements holding `parts[name]`. */
function withCode(message: string, parts: Record<string, string>): ReactNode[] {
  return message
    .split(/\{(\w+)\}/)
    .map((piece, i) =>
      i % 2 === 1 ? <code key={i}>{parts[piece] ?? piece}</code> : <Fragment key={i}>{piece}</Fragment>,
    );
}
