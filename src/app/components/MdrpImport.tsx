/** Import of an MDRP instance: a folder, or the four files picked together. */
import { useState } from 'react';
import type { Scenario } from '../../scenario/schema.ts';
import type { Translate } from '../i18n.ts';
import { importMdrpFiles, type MdrpImport as ImportResult, type PickedFile } from '../mdrpImport.ts';

interface Props {
  t: Translate;
  onImport: (scenario: Scenario, counts: { orders: number; couriers: number; restaurants: number }) => void;
}

/** Largest instance file read (the largest published instance's files are well under a megabyte). */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** The lines of an import error. */
function errorLines(result: Exclude<ImportResult, { ok: true }>, t: Translate): string[] {
  switch (result.kind) {
    case 'missing':
      return [t('mdrp.missing', { files: result.files.join(', ') })];
    case 'format':
      return [t('mdrp.malformed'), ...result.lines];
    case 'invalid':
      return [t('mdrp.invalid'), ...result.lines];
  }
}

/** The import buttons and the message of a failed import. */
export function MdrpImport({ t, onImport }: Props) {
  const [lines, setLines] = useState<string[] | null>(null);

  const read = async (list: FileList | null) => {
    const files = [...(list ?? [])];
    if (files.length === 0) return;
    const tooBig = files.find((f) => f.size > MAX_FILE_BYTES && /\.txt$/.test(f.name));
    if (tooBig) {
      setLines([t('mdrp.tooBig', { file: tooBig.name, bytes: tooBig.size, max: MAX_FILE_BYTES })]);
      return;
    }
    let picked: PickedFile[];
    try {
      // Only the instance's .txt files are read; a picked folder may hold anything else.
      picked = await Promise.all(
        files
          .filter((f) => /\.txt$/i.test(f.name))
          .map(async (f) => ({ name: f.name, relativePath: f.webkitRelativePath, text: await f.text() })),
      );
    } catch (e) {
      setLines([t('mdrp.readError', { message: e instanceof Error ? e.message : String(e) })]);
      return;
    }
    let result: ImportResult;
    try {
      result = importMdrpFiles(picked);
    } catch (e) {
      setLines([t('mdrp.readError', { message: e instanceof Error ? e.message : String(e) })]);
      return;
    }
    if (!result.ok) {
      setLines(errorLines(result, t));
      return;
    }
    setLines(null);
    onImport(result.scenario, result.counts);
  };

  return (
    <section className="scenario-tools mdrp-import" aria-labelledby="mdrp-import-heading">
      <h3 id="mdrp-import-heading">{t('mdrp.heading')}</h3>
      <p className="hint">{t('mdrp.hint')}</p>
      <div className="buttons">
        <label className="file-button">
          <span>{t('mdrp.chooseFiles')}</span>
          <input
            type="file"
            multiple
            accept=".txt,text/plain"
            data-testid="import-mdrp"
            onChange={(e) => {
              const list = e.target.files;
              void read(list).finally(() => (e.target.value = ''));
            }}
          />
        </label>
        <label className="file-button">
          <span>{t('mdrp.chooseFolder')}</span>
          <input
            type="file"
            multiple
            data-testid="import-mdrp-folder"
            ref={(el) => el?.setAttribute('webkitdirectory', '')}
            onChange={(e) => {
              const list = e.target.files;
              void read(list).finally(() => (e.target.value = ''));
            }}
          />
        </label>
      </div>
      {lines && (
        <ul className="error" role="alert" data-testid="import-error">
          {lines.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
