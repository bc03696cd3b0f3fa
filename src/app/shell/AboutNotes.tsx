/** The lines at the foot of the controls: privacy, the version and model fingerprint, and where the model is described. */
import { FAIRPACE_VERSION, MODEL_DIGEST } from '../../version.ts';
import { MODEL_DOC } from '../components/ModelCheckPanel.tsx';
import type { Translate } from '../i18n.ts';

/** Privacy, version and model lines. */
export function AboutNotes({ t }: { t: Translate }) {
  return (
    <>
      <p className="privacy">{t('app.privacy')}</p>
      <p className="about" data-testid="about" data-model-digest={MODEL_DIGEST} title={t('app.aboutTitle')}>
        {t('app.about', { version: FAIRPACE_VERSION, digest: MODEL_DIGEST })}
      </p>
      <p className="about" data-testid="about-model">
        {t('app.modelDoc', { path: MODEL_DOC })}
      </p>
    </>
  );
}
