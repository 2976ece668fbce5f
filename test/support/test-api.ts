import type { INestApplication } from '@nestjs/common';
import { TokenService } from '#api';
import { createApp } from '#app';
import { GraphQLClient } from './graphql-client.js';
import { openTestRuntime } from './test-runtime.js';

/** Bearer tokens for each role, as the end-to-end suites use them. */
export interface TestTokens {
  auditor(): Promise<string>;
  operator(): Promise<string>;
  organization(organizationId: string): Promise<string>;
  subject(subjectId: string, name?: string): Promise<string>;
}

/** The app on a fresh database, listening on a free loopback port, with a GraphQL client and a token minter. */
export async function startTestApi(): Promise<{ app: INestApplication; api: GraphQLClient; mint: TestTokens }> {
  const app = await createApp(await openTestRuntime(), { logger: false });
  await app.listen(0, '127.0.0.1');
  const tokens = app.get(TokenService);
  return {
    app,
    api: new GraphQLClient(`${await app.getUrl()}/graphql`),
    mint: {
      auditor: () => tokens.mint({ role: 'AUDITOR', id: 'auditor-sato', organizationId: 'ppc' }),
      operator: () => tokens.mint({ role: 'OPERATOR', id: 'ops' }),
      organization: (organizationId) => tokens.mint({ role: 'ORGANIZATION', id: organizationId, organizationId }),
      subject: (subjectId, name = 'taro') => tokens.mint({ role: 'SUBJECT', id: name, subjectId }),
    },
  };
}

/** The three organizations most suites start from (横浜市, 日本年金機構, ポイント株式会社), registered by an operator. */
export async function registerCityPensionPoints(operator: GraphQLClient, occurredAt: string): Promise<void> {
  for (const [organizationId, name, kind, domains] of [
    ['city', '横浜市', 'MUNICIPALITY', ['TAX']],
    ['jps', '日本年金機構', 'PENSION', ['SOCIAL_SECURITY']],
    ['points', 'ポイント株式会社', 'PRIVATE_BUSINESS', ['PRIVATE']],
  ] as const) {
    const answer = await operator.mutate('registerOrganization', { organizationId, name, kind, domains, occurredAt });
    if (answer.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(answer.errors)}`);
  }
}
