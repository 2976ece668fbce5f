import { useState, type FormEvent } from 'react';
import { PageTitle } from '../components/common';
import { useWords, type WordKey } from '../i18n';

/** Paste a token; a link's fragment signs in before this page shows (see session.ts). */
export function SignInPage({ onToken, problem }: { onToken(token: string): void; problem?: { key: WordKey; detail?: string } }) {
  const { t } = useWords();
  const [token, setToken] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onToken(token);
  };
  return (
    <>
      <PageTitle title={t('signInTitle')} lead={t('signInLead')} />
      {problem && (
        <div role="alert" className={`notice ${problem.key === 'signedOut' ? 'notice-info' : 'notice-error'}`} data-problem={problem.key}>
          <p>
            {t(problem.key)}
            {problem.detail && ` (${problem.detail})`}
          </p>
        </div>
      )}
      <form className="sign-in" onSubmit={submit}>
        <div className="field">
          <label htmlFor="token">{t('tokenLabel')}</label>
          <p className="hint" id="token-hint">
            {t('tokenHint')}
          </p>
          <textarea id="token" name="token" rows={4} required autoComplete="off" spellCheck={false} aria-describedby="token-hint" value={token} onChange={(e) => setToken(e.target.value)} />
        </div>
        <button type="submit" className="button">
          {t('signInButton')}
        </button>
      </form>
    </>
  );
}
