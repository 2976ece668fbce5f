import type { TokenService } from '#api';

/**
 * A one-time sign-in link to the console: the token rides in the URL fragment (`#token=…`), which a browser
 * never sends to the server, so it appears in no request line or log; the page moves it into the tab's
 * session storage and wipes it from the address bar.
 */
export function consoleLink(serverUrl: string, token: string): string {
  return `${serverUrl.replace(/\/+$/, '')}/console/#token=${token}`;
}

/** The server's address as `himotoki serve` takes it from PORT and HOST. */
export function defaultServerUrl(env: NodeJS.ProcessEnv = process.env): string {
  const host = env.HOST && env.HOST !== '0.0.0.0' && env.HOST !== '::' ? env.HOST : '127.0.0.1';
  return `http://${host.includes(':') ? `[${host}]` : host}:${env.PORT ?? 3000}`;
}

/** The demo's links, one per role that has pages: the citizen, the organization and the auditor. */
export async function demoConsoleLinks(tokens: TokenService, serverUrl: string, who: { subjectId: string; organizationId: string }): Promise<string> {
  const citizen = await tokens.mint({ role: 'SUBJECT', id: 'demo-citizen', subjectId: who.subjectId });
  const organization = await tokens.mint({ role: 'ORGANIZATION', id: who.organizationId, organizationId: who.organizationId });
  const auditor = await tokens.mint({ role: 'AUDITOR', id: 'demo-auditor', organizationId: 'ppc' });
  return [
    'Console (open in a browser; each link signs in once, valid 8 h):',
    `  citizen (本人)          ${consoleLink(serverUrl, citizen)}`,
    `  organization (機関)     ${consoleLink(serverUrl, organization)}`,
    `  auditor (監査)          ${consoleLink(serverUrl, auditor)}`,
    '',
  ].join('\n');
}
