// Reads a seeded database back through Prisma with the platform's own schema.prisma, as the platform reads it.
//
//   node readback.mjs generate SCHEMA_PRISMA OUT_DIR
//       makes a Prisma Client for the platform's SCHEMA_PRISMA in OUT_DIR (Wasm query compiler, no engines)
//   DATABASE_URL='postgresql://…/db?schema=platform' node readback.mjs read OUT_DIR [PAGE_SIZE]
//       reads every row of every model and view, each relation included one level deep, PAGE_SIZE rows at a time
//       (default 500), and prints one JSON summary on stdout: per model its row count, the rows Prisma returned,
//       and the problems found, with a few samples.
//
// Prisma 7 itself fails a read on an enum label the schema does not know; the platform's Python client also fails
// on a NULL in a required field and on a missing required relation, which Prisma 7 returns as null. Those are
// checked here from the schema's data model (the DMMF, written by dmmf-generator.mjs). Problem kinds: `query` (Prisma
// could not read the row), `null-required`, `missing-relation` (a required relation's row is not there),
// `dangling-relation` (an optional relation whose foreign key is set but whose row is not there).
//
// Exits 0 when the read ran (whatever it found), 1 when it could not run (bad arguments, no database, no client).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const SAMPLES = 5;

/**
 * The platform's schema as Prisma 7 takes it; the models, fields and attributes the client reads are untouched.
 * - datasource: no `url`/`directUrl` (Prisma 7 takes the connection from the driver adapter) and no `extensions`
 *   (only migrations use them);
 * - generators: the platform's Python one is replaced by `prisma-client-js` (plain JavaScript, runs in Node as is)
 *   and the DMMF writer;
 * - views: `@id`/`@@id` become `@unique`/`@@unique`, since Prisma 7 rejects primary keys on views (the Prisma
 *   the platform runs accepts them); either way the client reads the same rows.
 */
export function forPrisma7(schema) {
  const lines = schema.replace(/\r\n/g, '\n').split('\n');
  const out = [];
  let block = null; // 'datasource' | 'generator' | 'view' | 'other'
  for (const line of lines) {
    const opens = /^(datasource|generator|view|model|enum|type)\s+\w+\s*\{/.exec(line);
    if (block === null && opens) {
      block = opens[1] === 'datasource' || opens[1] === 'generator' || opens[1] === 'view' ? opens[1] : 'other';
      if (block === 'datasource') {
        out.push('datasource db {', '  provider = "postgresql"', '}');
      }
      if (block === 'datasource' || block === 'generator') {
        continue;
      }
    }
    const closes = block !== null && /^\}/.test(line);
    if (block === 'view') {
      out.push(line.replace(/@@id\(/g, '@@unique(').replace(/@id\b/g, '@unique'));
    } else if (block !== 'datasource' && block !== 'generator') {
      out.push(line);
    }
    if (closes) {
      block = null;
    }
  }
  out.push('', 'generator client {', '  provider        = "prisma-client-js"', '  output          = "./client"',
    '  previewFeatures = ["views"]', '}', '', 'generator dmmf {',
    `  provider = ${JSON.stringify(`node "${join(HERE, 'dmmf-generator.mjs')}"`)}`, '  output   = "./dmmf"', '}', '');
  return out.join('\n');
}

/** The names of the schema's `view` blocks. */
export function viewNames(schema) {
  return new Set([...schema.matchAll(/^view\s+(\w+)\s*\{/gm)].map((m) => m[1]));
}

function generate(schemaFile, outDir) {
  const out = resolve(outDir);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'schema.prisma'), forPrisma7(readFileSync(schemaFile, 'utf8')));
  // prisma-client-js looks for @prisma/client from the schema's folder: give that folder this one's packages.
  symlinkSync(join(HERE, 'node_modules'), join(out, 'node_modules'), 'dir');
  // `generate` runs no schema engine, but without an existing file here Prisma tries to download one.
  const placeholder = join(out, 'no-schema-engine');
  writeFileSync(placeholder, 'prisma generate needs no schema engine; this file only stops a download\n');
  execFileSync(process.execPath, [join(HERE, 'node_modules', 'prisma', 'build', 'index.js'), 'generate',
    '--schema', join(out, 'schema.prisma')], {
    cwd: HERE,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: placeholder, CHECKPOINT_DISABLE: '1',
      PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  });
}

/** `DATABASE_URL` without `?schema=` (which node-postgres does not know), and the schema it names. */
function connection(databaseUrl) {
  const url = new URL(databaseUrl);
  const schema = url.searchParams.get('schema') ?? 'public';
  url.searchParams.delete('schema');
  return { connectionString: url.toString(), schema };
}

function delegateName(model) {
  return model.charAt(0).toLowerCase() + model.slice(1);
}

function sortable(field) {
  return field.kind !== 'object' && !field.isList && field.type !== 'Json' && field.type !== 'Bytes';
}

/**
 * A total order over the model's rows, so pages neither skip nor repeat one: the primary key; for a view (which has
 * none the database enforces) its unique fields first and then every other sortable field.
 */
function order(model, isView) {
  const byName = new Map(model.fields.map((f) => [f.name, f]));
  let key = model.primaryKey?.fields ?? model.fields.filter((f) => f.isId).map((f) => f.name);
  if (key.length === 0) {
    key = model.uniqueFields[0] ?? model.fields.filter((f) => f.isUnique).map((f) => f.name).slice(0, 1);
  }
  let fields = [...key];
  if (isView || key.length === 0) {
    fields = [...new Set([...key, ...model.fields.filter(sortable).map((f) => f.name)])];
  }
  return { key, orderBy: fields.filter((f) => sortable(byName.get(f))).map((f) => ({ [f]: 'asc' })) };
}

function plain(value) {
  return JSON.parse(JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? v.toString() : v)));
}

/** The problems of one row Prisma returned, as the platform's Python client would meet them. */
function check(model, row) {
  const problems = [];
  for (const f of model.fields) {
    const value = row[f.name];
    if (f.kind === 'scalar' || f.kind === 'enum') {
      // Lists are left out: Prisma returns a NULL list as [], so only the column's NOT NULL can guard it.
      if (!f.isList && f.isRequired && (value === null || value === undefined)) {
        problems.push({ kind: 'null-required', field: f.name, message: `${model.name}.${f.name} is required but NULL` });
      }
    } else if (f.kind === 'object' && !f.isList && (value === null || value === undefined)) {
      const from = f.relationFromFields ?? [];
      if (f.isRequired) {
        problems.push({ kind: 'missing-relation', field: f.name, message: `required relation ${model.name}.${f.name} `
          + `(${f.type}) has no row` + (from.length ? ` for ${from.map((n) => `${n}=${row[n]}`).join(', ')}` : '') });
      } else if (from.length > 0 && from.every((n) => row[n] !== null && row[n] !== undefined)) {
        problems.push({ kind: 'dangling-relation', field: f.name, message: `${model.name}.${f.name} (${f.type}) `
          + `has no row for ${from.map((n) => `${n}=${row[n]}`).join(', ')}` });
      }
    }
  }
  return problems;
}

async function readModel(prisma, model, isView, pageSize) {
  const result = { name: model.name, table: model.dbName ?? model.name, view: isView, count: 0, read: 0, errors: 0,
    kinds: {}, samples: [] };
  const note = (problem, key) => {
    result.errors++;
    result.kinds[problem.kind] = (result.kinds[problem.kind] ?? 0) + 1;
    if (result.samples.length < SAMPLES) {
      result.samples.push({ ...problem, row: key });
    }
  };
  const delegate = prisma[delegateName(model.name)];
  const { key, orderBy } = order(model, isView);
  const relations = model.fields.filter((f) => f.kind === 'object');
  const include = relations.length ? Object.fromEntries(relations.map((f) => [f.name, true])) : undefined;
  const keyOf = (row) => plain(Object.fromEntries(key.map((k) => [k, row[k]])));
  const accept = (rows) => {
    for (const row of rows) {
      result.read++;
      for (const problem of check(model, row)) {
        note(problem, keyOf(row));
      }
    }
  };
  try {
    result.count = await delegate.count();
  } catch (e) {
    note({ kind: 'query', message: firstLine(e) }, null);
    return result;
  }
  for (let skip = 0; skip < result.count; skip += pageSize) {
    try {
      accept(await delegate.findMany({ orderBy, include, skip, take: pageSize }));
    } catch {
      // One row spoils its page: read the page row by row to count and name the rows Prisma cannot read.
      for (let i = skip; i < Math.min(skip + pageSize, result.count); i++) {
        try {
          accept(await delegate.findMany({ orderBy, include, skip: i, take: 1 }));
        } catch (e) {
          note({ kind: 'query', message: firstLine(e) }, { position: i });
        }
      }
    }
  }
  return result;
}

function firstLine(error) {
  const text = String(error?.message ?? error).trim().split('\n').filter((l) => l.trim() !== '');
  return text.slice(-1)[0]?.slice(0, 500) ?? 'unknown error';
}

async function read(outDir, pageSize) {
  const out = resolve(outDir);
  const require = createRequire(join(out, 'client', 'index.js'));
  const { PrismaClient } = require(join(out, 'client', 'index.js'));
  const { PrismaPg } = await import('@prisma/adapter-pg');
  const datamodel = JSON.parse(readFileSync(join(out, 'dmmf', 'dmmf.json'), 'utf8'));
  const views = viewNames(readFileSync(join(out, 'schema.prisma'), 'utf8'));
  if (!process.env.DATABASE_URL) {
    throw new Error('DATABASE_URL is not set');
  }
  const { connectionString, schema } = connection(process.env.DATABASE_URL);
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 2 }, { schema }) });
  try {
    const models = [];
    for (const model of datamodel.models) {
      models.push(await readModel(prisma, model, views.has(model.name), pageSize));
    }
    return { schema, pageSize, models };
  } finally {
    await prisma.$disconnect();
  }
}

async function main(args) {
  const [command, ...rest] = args;
  if (command === 'generate' && rest.length === 2) {
    generate(rest[0], rest[1]);
    return;
  }
  if (command === 'read' && (rest.length === 1 || rest.length === 2)) {
    const pageSize = rest.length === 2 ? Number.parseInt(rest[1], 10) : 500;
    if (!(pageSize > 0)) {
      throw new Error(`page size must be a positive number, got ${rest[1]}`);
    }
    process.stdout.write(JSON.stringify(await read(rest[0], pageSize)) + '\n');
    return;
  }
  throw new Error('usage: readback.mjs generate SCHEMA_PRISMA OUT_DIR | readback.mjs read OUT_DIR [PAGE_SIZE]');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((e) => {
    process.stderr.write(`readback: ${e?.stack ?? e}\n`);
    process.exitCode = 1;
  });
}
