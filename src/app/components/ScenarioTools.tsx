/** Share link, download and upload of the scenario in the editor. */
import { useState } from 'react';
import { canonicalText } from '../../evidence/manifest.ts';
import { loadScenario } from '../../scenario/load.ts';
import type { Scenario } from '../../scenario/schema.ts';
import type { Lang, Translate } from '../i18n.ts';
import { pathText, problemText } from '../problemText.ts';
import { MAX_HASH_CHARS, shareHash, type ShareProblem } from '../shareLink.ts';
import { downloadBytes } from '../useEvidence.ts';

/** Largest scenario file accepted on upload. */
const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

interface Props {
  /** The editor's scenario when it is valid. */
  scenario: Scenario | null;
  /** Base of the downloaded file's name. */
  fileBase: string;
  lang: Lang;
  t: Translate;
  onUpload: (scenario: Scenario) => void;
}

/**
 * What is wrong with a damaged link, in words: the browser's and the decoder's own messages are English and name
 * their internals ("Failed to execute 'atob'…"), so they are sorted into a few plain kinds.
 */
export function shareDetailText(detail: string, t: Translate): string {
  if (/version/.test(detail)) return t('share.detail.version');
  if (/base64|atob|character/i.test(detail)) return t('share.detail.characters');
  if (/unpacks to more than/.test(detail)) return t('share.detail.tooBig');
  if (/JSON|Unexpected|token/i.test(detail)) return t('share.detail.notScenario');
  return t('share.detail.unpack');
}

/** A share-link problem in words. */
export function shareProblemText(problem: ShareProblem, t: Translate, lang: Lang): string {
  switch (problem.kind) {
    case 'tooLong':
      return t('share.tooLong', { chars: problem.chars, max: MAX_HASH_CHARS });
    case 'corrupted':
      return t('share.corrupted', { detail: shareDetailText(problem.detail, t) });
    case 'newerLink':
      return t('share.newerLink', { version: problem.version });
    case 'newerSchema':
      return t('share.newerSchema', { version: problem.version });
    case 'invalid':
      return `${t('share.invalid')} ${problem.problems
        .map((p) => `${pathText(p.path, lang)}: ${problemText(p.message, lang)}`)
        .join(t('share.problemSeparator'))}`;
  }
}

type Message = { kind: 'link'; url: string; copied: boolean } | { kind: 'error'; lines: string[] } | null;

/** The scenario tools. */
export function ScenarioTools({ scenario, fileBase, lang, t, onUpload }: Props) {
  const [message, setMessage] = useState<Message>(null);

  const share = async () => {
    if (!scenario) return;
    const made = shareHash(scenario);
    if ('problem' in made) {
      setMessage({ kind: 'error', lines: [shareProblemText(made.problem, t, lang)] });
      return;
    }
    const url = `${location.origin}${location.pathname}${location.search}${made.hash}`;
    history.replaceState(null, '', made.hash);
    let copied = false;
    try {
      await navigator.clipboard.writeText(url);
      copied = true;
    } catch {
      copied = false; // no clipboard permission (or not a secure context): the link is shown to copy by hand
    }
    setMessage({ kind: 'link', url, copied });
  };

  const upload = async (file: File) => {
    if (file.size > MAX_UPLOAD_BYTES) {
      setMessage({
        kind: 'error',
        lines: [t('scenario.uploadTooBig', { file: file.name, bytes: file.size, max: MAX_UPLOAD_BYTES })],
      });
      return;
    }
    const loaded = loadScenario(await file.text());
    if (!loaded.ok) {
      setMessage({
        kind: 'error',
        lines: [
          t('scenario.uploadInvalid', { file: file.name }),
          ...loaded.problems.map((p) => `${pathText(p.path, lang)}: ${problemText(p.message, lang)}`),
        ],
      });
      return;
    }
    setMessage(null);
    onUpload(loaded.scenario);
  };

  const download = () =>
    scenario && downloadBytes(canonicalText(scenario), `${fileBase}.json`, 'application/json;charset=utf-8');

  return (
    <section className="scenario-tools" aria-labelledby="scenario-tools-heading">
      <h3 id="scenario-tools-heading">{t('scenario.heading')}</h3>
      <p className="hint" data-testid="share-note">
        {t('scenario.shareNote')}
      </p>
      <div className="buttons">
        <button type="button" data-testid="share-link" disabled={!scenario} onClick={() => void share()}>
          {t('scenario.share')}
        </button>
        <button type="button" data-testid="download-scenario" disabled={!scenario} onClick={download}>
          {t('scenario.download')}
        </button>
        <label className="file-button">
          <span>{t('scenario.upload')}</span>
          <input
            type="file"
            accept=".json,application/json"
            data-testid="upload-scenario"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void upload(file);
            }}
          />
        </label>
      </div>
      {message?.kind === 'link' && (
        <div className="share-result">
          <p>{t(message.copied ? 'scenario.shareCopied' : 'scenario.shareNotCopied')}</p>
          <input
            readOnly
            data-testid="share-url"
            value={message.url}
            onFocus={(e) => e.target.select()}
            aria-label={t('scenario.share')}
          />
          <p className="hint">{t('scenario.shareNeedsFairpace')}</p>
          <button type="button" data-testid="share-download" disabled={!scenario} onClick={download}>
            {t('scenario.shareDownload')}
          </button>
        </div>
      )}
      {message?.kind === 'error' && (
        <ul className="error" role="alert" data-testid="scenario-tools-error">
          {message.lines.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
