// Drives the simulator with the official TypeScript SDK (@anthropic-ai/sdk), a client that is not ours.
// Run through bench/sim/ts-sdk-check.sh, which installs the SDK into bench/data/ (git-ignored).
import Anthropic from '@anthropic-ai/sdk';
import assert from 'node:assert/strict';

const [baseURL, apiKey] = process.argv.slice(2);
const client = new Anthropic({ baseURL, apiKey, maxRetries: 0 });
const b = client.messages.batches;
const ok = (what) => console.log('ok  ', what);

const ids = [];
for await (const batch of b.list({ limit: 7 })) ids.push(batch.id);
const full = (await b.list({ limit: 1000 })).data.map((x) => x.id);
assert.deepEqual(ids, full); ok(`auto-paging at limit=7 walks all ${ids.length} batches newest-first`);

const before = await b.list({ limit: 3, before_id: ids[10] });
assert.deepEqual(before.data.map((x) => x.id), ids.slice(7, 10)); ok('before_id page');

const got = await b.retrieve(ids[0]);
assert.equal(got.id, ids[0]); ok(`retrieve → ${got.processing_status}`);

const created = await b.create({ requests: [
  { custom_id: 'ts-1', params: { model: 'claude-sonnet-4-6', max_tokens: 100, messages: [{ role: 'user', content: 'Translate to German: hello' }] } },
  { custom_id: 'ts-2', params: { model: 'claude-opus-4-8', max_tokens: 100, messages: [{ role: 'user', content: 'Review my diff' }] } }] });
assert.equal(created.processing_status, 'in_progress');
assert.equal(created.request_counts.processing, 2); ok('create');

const canceled = await b.cancel(created.id);
assert.equal(canceled.processing_status, 'canceling');
assert.ok(canceled.cancel_initiated_at); ok('cancel → canceling');

await assert.rejects(b.delete(created.id), (e) => e.status === 400 && e.error?.error?.type === 'invalid_request_error' && !!e.requestID);
ok('delete before the end → 400 invalid_request_error with request id');
await assert.rejects(b.retrieve('msgbatch_nope'), (e) => e instanceof Anthropic.NotFoundError && e.error?.error?.type === 'not_found_error');
ok('unknown id → NotFoundError');
await assert.rejects(new Anthropic({ baseURL, apiKey: 'wrong', maxRetries: 0 }).messages.batches.list(),
  (e) => e instanceof Anthropic.AuthenticationError);
ok('wrong key → AuthenticationError');

let ended;
for await (const x of b.list({ limit: 100 })) if (x.processing_status === 'ended' && !x.archived_at) { ended = x; break; }
const kinds = {}; let lines = 0;
for await (const r of await b.results(ended.id)) { lines++; kinds[r.result.type] = (kinds[r.result.type] ?? 0) + 1; }
const c = ended.request_counts;
assert.equal(lines, c.succeeded + c.errored + c.canceled + c.expired);
assert.equal(kinds.succeeded ?? 0, c.succeeded); ok(`results: ${lines} lines ${JSON.stringify(kinds)}`);

const beta = client.beta.messages.batches;
const bl = await beta.list({ limit: 2, betas: ['message-batches-2024-09-24'] });
assert.equal(bl.data.length, 2);
let blines = 0; for await (const _ of await beta.results(ended.id, { betas: ['message-batches-2024-09-24'] })) blines++;
assert.equal(blines, lines); ok('beta namespace: list and results');
console.log('all checks passed');
