// A Prisma generator that writes the schema's data model (the DMMF) to <output>/dmmf.json, for readback.mjs.
//
// The generated client keeps only a slim data model (no nullability, no relation fields); the checks the platform's
// Python client makes on read (required fields non-null, required relations present) need the whole one, which
// Prisma hands every generator. Protocol: JSON-RPC requests on stdin, one per line; answers on stderr, one per line.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const answer = (id, result) => process.stderr.write(JSON.stringify({ jsonrpc: '2.0', id, result }) + '\n');

createInterface({ input: process.stdin, crlfDelay: Infinity }).on('line', (line) => {
  const request = JSON.parse(line);
  if (request.method === 'getManifest') {
    answer(request.id, { manifest: { prettyName: 'DMMF for the read-back', requiresEngines: [] } });
  } else if (request.method === 'generate') {
    const out = request.params.generator.output.value;
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'dmmf.json'), JSON.stringify(request.params.dmmf.datamodel));
    answer(request.id, null);
  }
});
