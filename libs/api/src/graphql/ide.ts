import type { ApolloServerPlugin } from '@apollo/server';
import { renderAltair } from 'altair-static';

/** Where the IDE's own files are served from (the `altair-static` package in node_modules, never a CDN). */
export const IDE_ASSETS_PATH = '/graphql-ide/';

/**
 * The in-browser GraphQL IDE (Altair) as Apollo's landing page: a browser opening /graphql gets the IDE,
 * whose scripts and styles come from this server, so it works with no internet.
 */
export function offlineIdeLandingPage(): ApolloServerPlugin {
  return {
    async serverWillStart() {
      const html = renderAltair({
        baseURL: IDE_ASSETS_PATH,
        endpointURL: '/graphql',
        initialQuery: '# Send a bearer token (npx himotoki token --role AUDITOR) in the headers pane.\n{ projections { name state lagEvents } }\n',
        disableAccount: true,
      });
      return { renderLandingPage: async () => ({ html }) };
    },
  };
}
