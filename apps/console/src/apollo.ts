import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ErrorLink } from '@apollo/client/link/error';
import { SetContextLink } from '@apollo/client/link/context';

/**
 * The client of the public GraphQL API at /graphql on this same server, with the session's bearer token.
 * An UNAUTHENTICATED answer (expired or revoked token) signs the page out, saying why.
 */
export function apolloClient(token: string, onUnauthenticated: (message: string) => void): ApolloClient {
  const auth = new SetContextLink((previous) => ({ headers: { ...previous.headers, authorization: `Bearer ${token}` } }));
  const errors = new ErrorLink(({ error }) => {
    if (CombinedGraphQLErrors.is(error)) {
      const unauthenticated = error.errors.find((e) => e.extensions?.code === 'UNAUTHENTICATED');
      if (unauthenticated) onUnauthenticated(unauthenticated.message);
    }
  });
  return new ApolloClient({
    link: ApolloLink.from([errors, auth, new HttpLink({ uri: '/graphql' })]),
    // Lines are identified by their event id, organizations and datasets by their registered id.
    cache: new InMemoryCache(),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-first' } },
  });
}
