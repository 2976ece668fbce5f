import { randomUUID } from 'node:crypto';

export interface GraphQLAnswer<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
}

/** A GraphQL client over real HTTP, as any client of the API would talk to it. */
export class GraphQLClient {
  constructor(
    private readonly url: string,
    private readonly token?: string,
  ) {}

  as(token: string | undefined): GraphQLClient {
    return new GraphQLClient(this.url, token);
  }

  async request<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLAnswer<T>> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as object) };
  }

  /** Sends an ingestion mutation (`linkRecords` with a `LinkRecordsInput`…). */
  mutate(name: string, input: Record<string, unknown>, commandId: string = randomUUID()) {
    const inputType = `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
    return this.request<Record<string, { commandId: string; applied: boolean; transactionId: string | null; events: { eventId: string; type: string; streamId: string }[] }>>(
      `mutation ($commandId: ID!, $input: ${inputType}!) { ${name}(commandId: $commandId, input: $input) { commandId applied transactionId events { eventId type streamId } } }`,
      { commandId, input },
    );
  }
}

/** The answer's data, or a failure that shows the errors. */
export function ok<T>(answer: GraphQLAnswer<T>): T {
  if (answer.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(answer.errors)}`);
  return answer.data!;
}
