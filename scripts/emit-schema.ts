import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { buildGraphqlSchema } from '../src/graphql/schema.js';

/** `npm run schema`: writes schema/schema.graphql from the code (checked in; a test compares). */
const schema = await buildGraphqlSchema(null);
writeFileSync('schema/schema.graphql', `${printSchema(schema)}\n`);
console.log('wrote schema/schema.graphql');
