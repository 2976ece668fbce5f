import { ApolloProvider } from '@apollo/client/react';
import { lazy, Suspense, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Loading } from './components/common';
import { apolloClient } from './apollo';
import { useWords, type WordKey } from './i18n';
import { MyAuditsPage, MyExposurePage, MyHistoryPage } from './pages/citizen-pages';
import { SignInPage } from './pages/sign-in-page';
import { Link, match, useRouter } from './router';
import { forgetToken, readToken, storeToken, storedToken, takeTokenFromLink, TokenProblem, type Role, type Session } from './session';

type Problem = { key: WordKey; detail?: string };

// The auditor's and organization's pages (with the report renderers) load only for those roles, so that a
// citizen's first load carries the citizen's pages alone.
const auditorPages = () => import('./pages/auditor-pages');
const organizationPages = () => import('./pages/organization-page');
const FindSubjectPage = lazy(() => auditorPages().then((m) => ({ default: m.FindSubjectPage })));
const SubjectPage = lazy(() => auditorPages().then((m) => ({ default: m.SubjectPage })));
const EventPage = lazy(() => auditorPages().then((m) => ({ default: m.EventPage })));
const FindingsPage = lazy(() => auditorPages().then((m) => ({ default: m.FindingsPage })));
const DatasetsPage = lazy(() => auditorPages().then((m) => ({ default: m.DatasetsPage })));
const ReportPage = lazy(() => auditorPages().then((m) => ({ default: m.ReportPage })));
const StatusPage = lazy(() => auditorPages().then((m) => ({ default: m.StatusPage })));
const OrganizationActivityPage = lazy(() => organizationPages().then((m) => ({ default: m.OrganizationActivityPage })));
const OrganizationFindingsPage = lazy(() => organizationPages().then((m) => ({ default: m.OrganizationFindingsPage })));

function sessionFrom(token: string | undefined): { session?: Session; problem?: Problem } {
  if (!token) return {};
  try {
    return { session: readToken(token) };
  } catch (error) {
    forgetToken();
    return { problem: { key: error instanceof TokenProblem && error.reason === 'expired' ? 'tokenExpired' : 'tokenMalformed' } };
  }
}

/** The first page each role lands on, and its menu. */
const MENUS: Record<Role, { to: string; key: WordKey }[]> = {
  SUBJECT: [
    { to: '/me', key: 'navHistory' },
    { to: '/me/audits', key: 'navAudits' },
    { to: '/me/exposure', key: 'navExposure' },
  ],
  AUDITOR: [
    { to: '/auditor/subjects', key: 'navSubject' },
    { to: '/auditor/findings', key: 'navFindings' },
    { to: '/auditor/datasets', key: 'navDatasets' },
    { to: '/auditor/report', key: 'navReport' },
    { to: '/auditor/status', key: 'navStatus' },
  ],
  ORGANIZATION: [
    { to: '/organization', key: 'navActivity' },
    { to: '/organization/findings', key: 'navFindings' },
  ],
  OPERATOR: [],
};

export function App() {
  const { location, navigate } = useRouter();
  const [state, setState] = useState(() => {
    const fromLink = takeTokenFromLink();
    if (fromLink) storeToken(fromLink);
    return sessionFrom(fromLink ?? storedToken());
  });
  const session = state.session;
  const signIn = (token: string) => {
    const next = sessionFrom(token);
    if (next.session) storeToken(next.session.token);
    setState(next);
    if (next.session) navigate(MENUS[next.session.role][0]?.to ?? '/');
  };
  const signOut = (problem: Problem = { key: 'signedOut' }) => {
    forgetToken();
    setState({ problem });
    navigate('/');
  };
  const client = useMemo(
    () => (session ? apolloClient(session.token, (message) => signOut({ key: /expired/i.test(message) ? 'tokenExpired' : 'tokenRefused', detail: message })) : undefined),
    [session?.token], // eslint-disable-line react-hooks/exhaustive-deps -- one client per token
  );
  // A token that expires while the page is open signs it out, saying so.
  useEffect(() => {
    if (!session) return;
    const timer = setTimeout(() => signOut({ key: 'tokenExpired' }), Math.max(0, session.expiresAt - Date.now()));
    return () => clearTimeout(timer);
  }, [session?.expiresAt]); // eslint-disable-line react-hooks/exhaustive-deps
  // Each page change moves the focus to its heading, so a screen reader announces where the user is.
  useEffect(() => {
    document.getElementById('page-title')?.focus({ preventScroll: true });
  }, [location.path]);

  const menu = session ? MENUS[session.role] : [];
  useEffect(() => {
    if (session && location.path === '/' && menu[0]) navigate(menu[0].to);
  }, [session, location.path]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <Layout session={session} menu={menu} onSignOut={() => signOut()}>
      {!session || !client ? <SignInPage onToken={signIn} problem={state.problem} /> : (
        <ApolloProvider client={client}>
          <Suspense fallback={<Loading />}>
            <Page session={session} path={location.path} />
          </Suspense>
        </ApolloProvider>
      )}
    </Layout>
  );
}

function Page({ session, path }: { session: Session; path: string }): ReactNode {
  const { t } = useWords();
  let params: Record<string, string> | null;
  switch (session.role) {
    case 'SUBJECT':
      if (path === '/me/audits') return <MyAuditsPage />;
      if (path === '/me/exposure' && session.subjectId) return <MyExposurePage subjectId={session.subjectId} />;
      return <MyHistoryPage />;
    case 'AUDITOR':
      if ((params = match('/auditor/subjects/:id', path))) return <SubjectPage key={params.id} subjectId={params.id!} />;
      if ((params = match('/auditor/events/:id', path))) return <EventPage key={params.id} eventId={params.id!} />;
      if (path === '/auditor/findings') return <FindingsPage />;
      if (path === '/auditor/datasets') return <DatasetsPage />;
      if (path === '/auditor/report') return <ReportPage />;
      if (path === '/auditor/status') return <StatusPage />;
      return <FindSubjectPage />;
    case 'ORGANIZATION':
      if (path === '/organization/findings') return <OrganizationFindingsPage />;
      return <OrganizationActivityPage organizationId={session.organizationId!} />;
    case 'OPERATOR':
      return (
        <p className="notice" role="status">
          {t('operatorNote')}
        </p>
      );
  }
}

function Layout({ session, menu, onSignOut, children }: { session?: Session; menu: { to: string; key: WordKey }[]; onSignOut(): void; children: ReactNode }) {
  const { t, lang, setLang } = useWords();
  const { location } = useRouter();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skip')}
      </a>
      <header className="site-header">
        <div className="header-inner">
          <div className="brand">
            <span className="brand-name">{t('service')}</span>
            <span className="brand-note">{t('serviceNote')}</span>
          </div>
          <div className="header-tools">
            <button type="button" className="button button-small button-secondary" lang={lang === 'ja' ? 'en' : 'ja'} onClick={() => setLang(lang === 'ja' ? 'en' : 'ja')}>
              {t('language')}
            </button>
            {session && (
              <>
                <span className="who" data-role={session.role}>
                  {t('signedInAs')}: {session.name}
                </span>
                <button type="button" className="button button-small button-secondary" onClick={onSignOut}>
                  {t('signOut')}
                </button>
              </>
            )}
          </div>
        </div>
        {menu.length > 0 && (
          <nav className="site-nav" aria-label={t('mainNav')}>
            <ul>
              {menu.map((item) => (
                <li key={item.to}>
                  <Link to={item.to} current={location.path === item.to || (item.to !== '/me' && item.to !== '/organization' && location.path.startsWith(item.to + '/'))}>
                    {t(item.key)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>{t('timesInJst')}</p>
        <p>{t('footer')}</p>
      </footer>
    </>
  );
}
