/** The page's title and the language toggle. */
import type { Lang, Translate } from '../i18n.ts';

interface Props {
  lang: Lang;
  t: Translate;
  onLang: (lang: Lang) => void;
}

/** The header: title, subtitle, and the button that switches to the other language. */
export function AppHeader({ lang, t, onLang }: Props) {
  const other: Lang = lang === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <header>
      <div>
        <h1>{t('app.title')}</h1>
        <p className="subtitle">{t('app.subtitle')}</p>
      </div>
      <button
        type="button"
        className="lang"
        data-testid="language-toggle"
        lang={other}
        title={t('lang.toggleTitle')}
        onClick={() => onLang(other)}
      >
        {t('lang.toggle')}
      </button>
    </header>
  );
}
