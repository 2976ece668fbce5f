import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  type GraphQLSchema,
} from 'graphql';

/** The schema as the server builds it: every schema/*.graphql of the repository, in name order. */
const SCHEMA_DIR = fileURLToPath(new URL('../../../../schema', import.meta.url));
const files = readdirSync(SCHEMA_DIR)
  .filter((file) => file.endsWith('.graphql'))
  .sort();

const described = (description: string | null | undefined): boolean => typeof description === 'string' && description.trim() !== '';

/** Every type, field, argument, input field and enum value without a description, named by its path (`Type.field(arg)`). */
function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    if (!described(type.description)) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!described(field.description)) missing.push(`${type.name}.${field.name}`);
        for (const arg of field.args) if (!described(arg.description)) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) if (!described(field.description)) missing.push(`${type.name}.${field.name}`);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) if (!described(value.description)) missing.push(`${type.name}.${value.name}`);
    }
  }
  return missing;
}

describe('schema descriptions', () => {
  const schema = buildSchema(files.map((file) => readFileSync(join(SCHEMA_DIR, file), 'utf8')).join('\n'));

  it('reads the schema files', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(schema.getQueryType()).toBeDefined();
  });

  it('describes every type, field, argument, input field and enum value', () => {
    expect(undescribed(schema)).toEqual([]);
  });

  it('names what lacks a description', () => {
    const bare = buildSchema(`
      "Described." type Query { "Described." a(x: Int): String b: Bare }
      type Bare { "Described." c: Int }
      enum E { "Described." ONE TWO }
      input I { "Described." d: Int e: Int }
      "Described." type Mutation { "Described." f("Described." i: I, e: E): Int }
    `);
    expect(undescribed(bare).sort()).toEqual(['Bare', 'E', 'E.TWO', 'I', 'I.e', 'Mutation.f(e)', 'Query.a(x)', 'Query.b'].sort());
  });
});
