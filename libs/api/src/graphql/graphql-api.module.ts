import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Logger, Module } from '@nestjs/common';
import { CommandBus, CqrsModule } from '@nestjs/cqrs';
import { GraphQLModule } from '@nestjs/graphql';
import { GraphQLError, getVariableValues } from 'graphql';
import type { Request } from 'express';
import { AccessHistoryQueries } from '#access-history';
import { DATABASE, Statements, type Database } from '#database';
import { EVENT_STORE, type EventStore } from '#event-store';
import { ExposureQueries } from '#exposure';
import { FindingQueries } from '#findings';
import { RegistryLookup, RegistryQueries } from '#registry';
import { ComplianceReports, ExposureReadModelSource, FindingsReadModelSource, ReportingQueries } from '#reporting';
import { TokenService } from '../auth/token.service.js';
import { AuditTrail } from './audit-trail.js';
import { contextFrom } from './graphql-context.js';
import { formatError, requestError, textError } from './graphql-errors.js';
import { InFlightOperations } from './in-flight-operations.js';
import { offlineIdeLandingPage } from './ide.js';
import { QueryLimits } from './limits.js';
import { AccessHistoryResolver, SubjectResolver } from './resolvers/access-history.resolver.js';
import { ExposureResolver } from './resolvers/exposure.resolver.js';
import { FindingsResolver } from './resolvers/findings.resolver.js';
import { mutationResolvers } from './resolvers/mutations.js';
import { JournalResolver } from './resolvers/journal.resolver.js';
import { DatasetReferenceResolver, DatasetResolver, RegistryResolver } from './resolvers/registry.resolver.js';
import { ReportResolver } from './resolvers/report.resolver.js';
import { BigIntScalar, DateTimeScalar, JSONScalar } from './scalars.js';

/** The folder holding `schema/`, found from this file whether it runs from the sources or from dist/. */
function schemaFolder(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(folder, 'schema', 'common.graphql'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error('schema/ not found above ' + fileURLToPath(import.meta.url));
    folder = parent;
  }
  return join(folder, 'schema');
}

const logger = new Logger('GraphQL');

/** The GraphQL API at /graphql (schema-first: schema/*.graphql), with the offline IDE for browsers. */
@Module({
  imports: [
    CqrsModule,
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [CommandBus, TokenService, InFlightOperations],
      useFactory: (bus: CommandBus, tokens: TokenService, operations: InFlightOperations): ApolloDriverConfig => {
        const limits = new QueryLimits();
        return {
          typePaths: [join(schemaFolder(), '*.graphql')],
          path: '/graphql',
          playground: false,
          introspection: true,
          includeStacktraceInErrorResponses: false,
          context: ({ req }: { req: Request }) => contextFrom(req, tokens),
          resolvers: { DateTime: DateTimeScalar, BigInt: BigIntScalar, JSON: JSONScalar, Mutation: mutationResolvers(bus) },
          plugins: [
            operations.plugin,
            offlineIdeLandingPage(),
            // No answer here may be cached by anyone (each auditor query is itself recorded), and Apollo's
            // default cache-control plugin would otherwise wrap every field's resolver to collect hints.
            ApolloServerPluginCacheControlDisabled(),
            {
              // Limits run once the operation is known: complexity needs the request's variables, and errors
              // raised here keep their own code (Apollo recodes validation-rule errors).
              async requestDidStart() {
                return {
                  async didResolveOperation({ request, document, schema, operation }) {
                    // Variables are checked here, before the limits read them: a bad one is the client's error, named.
                    const coerced = getVariableValues(schema, operation?.variableDefinitions ?? [], request.variables ?? {});
                    if (coerced.errors) {
                      const [{ message, originalError }] = coerced.errors as [GraphQLError];
                      // "Variable "$input" got invalid value … at "input.occurredAt"; …": the field is the value's path.
                      const at = /at "([^"]+)"/.exec(message)?.[1] ?? /Variable "\$(\w+)"/.exec(message)?.[1] ?? '';
                      const reason = originalError?.message ?? message;
                      throw requestError(new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field: `variables.${at}`, reason } }));
                    }
                    const error = textError(document, coerced.coerced) ?? limits.check(schema, document, coerced.coerced);
                    if (error) throw requestError(error);
                  },
                };
              },
            },
          ],
          formatError: (formatted, error) => formatError(formatted, error, (e) => logger.error(e instanceof Error ? (e.stack ?? e.message) : String(e))),
        };
      },
    }),
  ],
  // The read models answer from `database.reads`: a streaming replica when the composition root opened one.
  providers: [
    {
      provide: AccessHistoryQueries,
      useFactory: (database: Database) => new AccessHistoryQueries(database.reads, Statements.for(database.backend)),
      inject: [DATABASE],
    },
    {
      provide: RegistryQueries,
      useFactory: (database: Database) => new RegistryQueries(database.reads, Statements.for(database.backend)),
      inject: [DATABASE],
    },
    {
      provide: RegistryLookup,
      useFactory: (registry: RegistryQueries) => new RegistryLookup(registry),
      inject: [RegistryQueries],
    },
    {
      provide: ExposureQueries,
      useFactory: (database: Database, registry: RegistryLookup) =>
        new ExposureQueries(database.reads, Statements.for(database.backend), async (ids) => new Map([...(await registry.organizations(ids))].map(([id, o]) => [id, o.name ?? id]))),
      inject: [DATABASE, RegistryLookup],
    },
    {
      provide: FindingQueries,
      useFactory: (database: Database) => new FindingQueries(database.reads),
      inject: [DATABASE],
    },
    {
      provide: ComplianceReports,
      useFactory: (database: Database, store: EventStore, findings: FindingQueries, exposure: ExposureQueries) =>
        new ComplianceReports(new ReportingQueries(database.reads), { findings: new FindingsReadModelSource(findings, store), exposure: new ExposureReadModelSource(exposure) }),
      inject: [DATABASE, EVENT_STORE, FindingQueries, ExposureQueries],
    },
    AuditTrail,
    AccessHistoryResolver,
    SubjectResolver,
    RegistryResolver,
    DatasetResolver,
    DatasetReferenceResolver,
    ExposureResolver,
    FindingsResolver,
    ReportResolver,
    JournalResolver,
  ],
})
export class GraphQLApiModule {}
