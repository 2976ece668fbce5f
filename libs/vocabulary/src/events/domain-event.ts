import type { z } from 'zod';

/** A versioned event schema: the type name, its schema version, and the validator of its data. */
export interface EventDefinition<Type extends string = string, Schema extends z.ZodType = z.ZodType> {
  type: Type;
  version: number;
  schema: Schema;
}

export function defineEvent<Type extends string, Schema extends z.ZodType>(type: Type, version: number, schema: Schema) {
  return { type, version, schema } satisfies EventDefinition<Type, Schema>;
}

/** The data of an event definition, as stored. */
export type EventData<D extends EventDefinition> = z.output<D['schema']>;
