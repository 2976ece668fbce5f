import type { ErrorLike } from '@apollo/client';
import type { ReactNode } from 'react';
import { useWords } from '../i18n';

/** An organization or dataset by its name where the API gives one, its code beside it; the code alone otherwise. */
export function Named({ party }: { party: { id: string; name?: string | null } | null | undefined }) {
  if (!party) return <>—</>;
  if (!party.name) return <span className="code">{party.id}</span>;
  return (
    <>
      {party.name} <span className="code muted">{party.id}</span>
    </>
  );
}

export function Loading() {
  const { t } = useWords();
  return (
    <p role="status" className="loading">
      {t('loading')}
    </p>
  );
}

export function Failure({ error }: { error: ErrorLike }) {
  const { t } = useWords();
  return (
    <div role="alert" className="notice notice-error">
      <p>
        <strong>{t('error')}:</strong> {error.message}
      </p>
    </div>
  );
}

export function PageTitle({ title, lead }: { title: string; lead?: ReactNode }) {
  return (
    <div className="page-title">
      <h1 id="page-title" tabIndex={-1}>
        {title}
      </h1>
      {lead && <p className="lead">{lead}</p>}
    </div>
  );
}

/** A labelled field of a form, with an optional hint tied to it. */
export function Field({ id, label, hint, children }: { id: string; label: string; hint?: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children}
    </div>
  );
}
