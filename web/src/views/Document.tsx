// A stored document: its text with the analysis, as in Read.
import { useEffect, useState } from 'react';
import { api, type StoredDocument } from '../api';
import { useI18n } from '../i18n';
import { AnnotatedText } from './Annotated';

export function DocumentView({ id }: { id: string }) {
  const { t } = useI18n();
  const [doc, setDoc] = useState<StoredDocument | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setDoc(null);
    setError(null);
    api
      .document(id)
      .then(setDoc)
      .catch((e) => setError(e.status === 404 ? t('doc.notfound') : e.message));
  }, [id]);
  if (error)
    return (
      <p className="error" role="alert">
        {error}
      </p>
    );
  if (!doc) return <p>{t('loading')}</p>;
  return (
    <div className="document" data-testid="document">
      <p>
        <button type="button" className="link" onClick={() => history.back()}>
          ← {t('back')}
        </button>
      </p>
      <h2>{doc.title ?? doc.id}</h2>
      <p className="docmeta">
        {doc.published ?? '—'} · {(doc.language ?? '?').toUpperCase()} · {doc.source ?? ''}{' '}
        {doc.url ? (
          <a href={doc.url} rel="noreferrer noopener" target="_blank">
            {doc.url}
          </a>
        ) : null}
      </p>
      <AnnotatedText text={doc.text} analysis={doc.analysis} />
    </div>
  );
}
