// The ingest queue: shards of JSONL files, and three `readout worker` processes feeding one
// PostgreSQL store through BullMQ's PostgreSQL backend, one of them killed with SIGKILL mid-shard.
// The PostgreSQL part needs READOUT_TEST_PG (`.ci/run` starts a server) and skips without it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { postgresUnavailable } from './helpers/store-backends.js';
import { generateCorpus } from '../bench/corpus.js';
import { loadKnowledgeBase } from '../src/kb/kb.js';
import { documentId } from '../src/pipeline.js';
import { listShards, readShard } from '../src/corpus/shards.js';
import { ingest } from '../src/corpus/ingest.js';
import { SqliteStore } from '../src/store/sqlite.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'readout.js');

function readout(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `distinct` generated articles (short ones: the counts matter here, not the length) plus `dups` exact copies of some of them, spread through the file */
function corpusLines(distinct: number, dups: number): { lines: string[]; ids: Set<string> } {
  // the lead and the first quote of each generated story (≈ 320 characters): names, a quote and an event each
  const arts = generateCorpus(loadKnowledgeBase(), distinct, 15).map((a) => ({ ...a, text: a.text.split('\n\n').slice(0, 2).join('\n\n') + '\n' }));
  const lines = arts.map((a, i) => JSON.stringify({ text: a.text, date: a.published, source: a.source, url: a.url, title: `Dispatch ${i}` }));
  for (let k = 0; k < dups; k++) lines.splice(61 * k + 40, 0, lines[37 * k]!);
  const ids = new Set(arts.map((a) => documentId(a.text)));
  assert.equal(ids.size, distinct, 'the generated texts are distinct: the only duplicates are the copies');
  return { lines, ids };
}

test('queue shards: JSONL line ranges cover every line once; a malformed line lands in ingest_failures, the other 49 are stored', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'readout-shards-'));
  try {
    const file = join(dir, 'news.jsonl');
    const { lines } = corpusLines(120, 0);
    lines[72] = '{"text": "Le ministre a déclaré'; // line 73: cut off in the middle
    writeFileSync(file, lines.slice(0, 119).join('\n') + '\n' + lines[119]); // the last line has no newline
    const { shards, documents } = await listShards([file], 50);
    assert.equal(documents, 120);
    assert.deepEqual(
      shards.map((s) => s.shard.kind === 'jsonl' && [s.shard.firstLine, s.shard.lines]),
      [
        [1, 50],
        [51, 50],
        [101, 20],
      ],
    );
    assert.equal((await listShards([file], 50)).shards.map((s) => s.id).join(), shards.map((s) => s.id).join(), 'the same file gives the same shard ids');
    const origins: string[] = [];
    for (const s of shards) for await (const item of readShard(s.shard)) origins.push(item.origin);
    assert.deepEqual(
      origins,
      lines.map((_, i) => `${file}:${i + 1}`),
    );

    const store = new SqliteStore(join(dir, 'store.db'));
    await store.init();
    try {
      const rep = await ingest(readShard(shards[1]!.shard), { store, jobs: 1, progress: false });
      assert.equal(rep.stored, 49);
      assert.deepEqual(
        rep.failed.map((f) => f.origin),
        [`${file}:73`],
      );
      const failures = await store.failures();
      assert.equal(failures.length, 1);
      assert.equal(failures[0]!.file, file);
      assert.equal(failures[0]!.line, 73);
      assert.match(failures[0]!.error, /malformed JSON line/);
      assert.equal((await store.stats()).documents, 49);
      // the shard again (a worker died after it): nothing new, the failure recorded once
      const again = await ingest(readShard(shards[1]!.shard), { store, jobs: 1, progress: false });
      assert.equal(again.stored, 0);
      assert.equal(again.unchanged, 49);
      assert.equal((await store.failures()).length, 1);
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

interface WorkerProc {
  child: ChildProcess;
  events: Record<string, unknown>[];
  exited: Promise<number | null>;
}

function startWorker(queue: string, db: string): WorkerProc {
  const child = spawn(process.execPath, [BIN, 'worker', '--queue', queue, '--db', db, '--jobs', '1', '--log', 'json', '--until-empty', '--lock', '4'], {
    cwd: ROOT,
    env: { ...process.env, CI: 'true' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const events: Record<string, unknown>[] = [];
  let rest = '';
  child.stderr!.setEncoding('utf8').on('data', (s: string) => {
    const parts = (rest + s).split('\n');
    rest = parts.pop()!;
    for (const line of parts) {
      try {
        events.push(JSON.parse(line));
      } catch {
        events.push({ event: 'text', line });
      }
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, events, exited };
}

const TABLES: Record<string, string> = {
  // ingestion times differ; the origin is whichever copy of a duplicate was stored first
  documents: 'SELECT id, title, source, url, published, language, length, text, hash, analysis, n_entities, n_quotes, n_events FROM %.documents ORDER BY id',
  entities: 'SELECT * FROM %.entities ORDER BY doc, eid',
  quotes: 'SELECT doc, qid, text, kind, speaker_key, cue, language, channel, q_start, q_end, published FROM %.quotes ORDER BY doc, qid',
  events: 'SELECT * FROM %.reports ORDER BY doc, vid',
  actors: 'SELECT * FROM %.actors ORDER BY key',
};

test('queue: 3 workers, one killed with SIGKILL mid-shard, store every distinct article once, as one process does', { timeout: 300_000 }, async (t) => {
  const why = await postgresUnavailable();
  if (why) {
    t.skip(`PostgreSQL not available: ${why}`);
    return;
  }
  const url = process.env.READOUT_TEST_PG!;
  const tag = `${process.pid}_${Date.now()}`;
  const withSchema = (s: string) => `${url}${url.includes('?') ? '&' : '?'}schema=${s}`;
  const queue = withSchema(`rq_${tag}`),
    shared = withSchema(`rs_${tag}`),
    single = withSchema(`r1_${tag}`);
  const dir = mkdtempSync(join(tmpdir(), 'readout-queue-'));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const workers: WorkerProc[] = [];
  try {
    const file = join(dir, 'news.jsonl');
    const { lines, ids } = corpusLines(2950, 50);
    assert.equal(lines.length, 3000);
    writeFileSync(file, lines.join('\n') + '\n');

    const queued = readout(['ingest', file, '--queue', queue, '--shard', '50']);
    assert.equal(queued.code, 0, queued.stderr);
    assert.match(queued.stderr, /^60 shards \(3000 documents\): 60 added to the queue/m);
    const again = readout(['ingest', file, '--queue', queue, '--shard', '50']);
    assert.match(again.stderr, /: 0 added to the queue, 60 already there/, 'queuing the same file again adds nothing');

    for (let i = 0; i < 3; i++) workers.push(startWorker(queue, shared));
    const victim = workers[0]!;
    // SIGKILL the first worker once ≥ 20 % are stored, while it holds a shard (its last event is a start)
    const stored = async () => Number((await client.query(`SELECT COUNT(*) AS n FROM rs_${tag}.documents`).catch(() => ({ rows: [{ n: 0 }] }))).rows[0].n);
    let atKill = -1;
    for (const t0 = Date.now(); Date.now() - t0 < 200_000;) {
      await new Promise((r) => setTimeout(r, 50));
      const last = victim.events.filter((e) => e.event === 'start' || e.event === 'shard').at(-1);
      if (last?.event === 'start' && (await stored()) >= 600) {
        victim.child.kill('SIGKILL');
        atKill = await stored();
        break;
      }
      if (victim.child.exitCode !== null) break;
    }
    assert.ok(atKill >= 600 && atKill < ids.size, `the victim was killed mid-shard with ≥ 20 % stored (at ${atKill})`);
    const codes = await Promise.all(workers.slice(1).map((w) => w.exited));
    assert.deepEqual(
      codes,
      [0, 0],
      workers
        .slice(1)
        .flatMap((w) => w.events.filter((e) => e.event !== 'start' && e.event !== 'shard').map((e) => JSON.stringify(e)))
        .join('\n'),
    );

    const status = readout(['queue', 'status', '--queue', queue, '--json']);
    assert.equal(status.code, 0, status.stderr);
    const s = JSON.parse(status.stdout);
    assert.deepEqual(s.failed, []);
    assert.equal(s.counts.completed, 60);
    assert.equal(s.counts.failed, 0);

    const starts = new Map<string, number>();
    for (const w of workers) for (const e of w.events) if (e.event === 'start') starts.set(String(e.shard), (starts.get(String(e.shard)) ?? 0) + 1);
    assert.equal(starts.size, 60);
    assert.ok(
      [...starts.values()].some((n) => n >= 2),
      "the killed worker's shard ran again",
    );
    assert.ok(
      workers.slice(1).some((w) => w.events.some((e) => e.event === 'shard' && Number(e.run) >= 2)),
      'a shard logged as its second run',
    );

    assert.equal(await stored(), ids.size, 'documents = distinct texts');
    assert.equal(Number((await client.query(`SELECT COUNT(*) AS n FROM rs_${tag}.ingest_failures`)).rows[0].n), 0);

    // the same file, one process, no queue
    const one = readout(['ingest', file, '--db', single, '--jobs', '1', '--quiet']);
    assert.equal(one.code, 0, one.stderr);
    for (const [name, sql] of Object.entries(TABLES)) {
      const digest = async (schema: string) =>
        (
          await client.query(
            `SELECT COUNT(*) AS n, md5(string_agg(r, E'\\n' ORDER BY r)) AS h FROM (SELECT row_to_json(t)::text AS r FROM (${sql.replace('%', schema)}) t) u`,
          )
        ).rows[0];
      const a = await digest(`rs_${tag}`),
        b = await digest(`r1_${tag}`);
      assert.ok(Number(b.n) > 0, `${name}: the one-process ingest has rows`);
      assert.deepEqual(a, b, `${name}: the queue's table equals the one-process ingest's`);
    }
  } finally {
    for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
    for (const s of [`rq_${tag}`, `rs_${tag}`, `r1_${tag}`]) await client.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`).catch(() => undefined);
    await client.end();
    rmSync(dir, { recursive: true, force: true });
  }
});
