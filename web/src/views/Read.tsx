// Read: paste or upload an article, see what readout finds in it.
import { useState } from 'react';
import { api, type AnalysisWithText } from '../api';
import { useI18n } from '../i18n';
import { AnnotatedText } from './Annotated';

export const EXAMPLE = `Le ministre de l’Europe et des Affaires étrangères, Stéphane Séjourné, s’est entretenu jeudi par téléphone avec son homologue marocain Nasser Bourita, a annoncé le Quai d’Orsay.

Les deux ministres ont salué « la solidité du partenariat d’exception » entre la France et le Maroc, selon le communiqué publié à Paris.

« Nous avons décidé d’approfondir notre coopération en matière de sécurité », a déclaré M. Séjourné à l’issue de l’entretien.

Productive call with Moroccan Foreign Minister Nasser Bourita on our shared priorities. — Stéphane Séjourné (@steph_sejourne) March 14, 2024`;

export function ReadView() {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [published, setPublished] = useState('');
  const [language, setLanguage] = useState('');
  const [result, setResult] = useState<AnalysisWithText | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setError(null);
    if (!file && !text.trim()) {
      setError(t('read.empty'));
      return;
    }
    setBusy(true);
    try {
      const meta = { published: published || undefined, language: language || undefined };
      setResult(file ? await api.analyzeFile(file, meta) : await api.analyzeText(text, meta));
    } catch (e) {
      setResult(null);
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="read">
      <form
        className="read-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <label className="grow">
          {t('read.paste')}
          <textarea
            data-testid="read-text"
            value={text}
            placeholder={t('read.placeholder')}
            rows={8}
            onChange={(e) => {
              setText(e.target.value);
              setFile(null);
            }}
          />
        </label>
        <div className="row">
          <label>
            {t('read.upload')}{' '}
            <input data-testid="read-file" type="file" accept=".txt,.html,.htm,text/plain,text/html" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </label>
          <label>
            {t('read.published')}{' '}
            <input data-testid="read-date" type="text" placeholder="2024-03-14" value={published} onChange={(e) => setPublished(e.target.value)} size={11} />
          </label>
          <label>
            {t('read.language')}{' '}
            <select value={language} onChange={(e) => setLanguage(e.target.value)}>
              <option value="">{t('read.auto')}</option>
              <option value="fr">français</option>
              <option value="en">English</option>
            </select>
          </label>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setText(EXAMPLE);
              setFile(null);
              setPublished('2024-03-14');
            }}
          >
            {t('read.example')}
          </button>
          <button type="submit" data-testid="read-go" disabled={busy}>
            {busy ? t('read.working') : t('read.analyze')}
          </button>
        </div>
      </form>
      {error && (
        <p className="error" role="alert" data-testid="error">
          {t('error')}: {error}
        </p>
      )}
      {result && (
        <div data-testid="read-result">
          <p className="docmeta">
            {result.document.id} · {(result.document.language ?? '?').toUpperCase()} · {result.document.published ?? '—'} · {result.document.length} ch.
          </p>
          <AnnotatedText text={result.text} analysis={result} />
        </div>
      )}
    </div>
  );
}
