import type { CommandBus } from '@nestjs/cqrs';
import { COMMAND_TYPES, IngestCommand, type CommandResult, type Sender } from '#ingestion';
import { requireRole, type GraphQLContext } from '../graphql-context.js';

/** GraphQL leaves an absent optional field out, or sends null; the commands read both as "not given". */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [k, withoutNulls(v)]));
  }
  return value;
}

/**
 * One mutation per ingestion command, named after it (`LinkRecords` → `linkRecords`), all through the
 * CommandBus: organizations send for themselves, operators for anyone.
 */
export function mutationResolvers(bus: CommandBus) {
  const resolvers: Record<string, (parent: unknown, args: { commandId: string; input: unknown }, context: GraphQLContext) => Promise<unknown>> = {};
  for (const type of COMMAND_TYPES) {
    resolvers[type[0]!.toLowerCase() + type.slice(1)] = async (_parent, { commandId, input }, context) => {
      const principal = requireRole(context, 'ORGANIZATION', 'OPERATOR');
      const sender: Sender = principal.role === 'ORGANIZATION' ? `organization:${principal.organizationId}` : `operator:${principal.id}`;
      const result: CommandResult = await bus.execute(new IngestCommand({ commandId, type, payload: withoutNulls(input) }, sender));
      return { ...result, transactionId: result.transactionId?.toString() ?? null };
    };
  }
  return resolvers;
}
