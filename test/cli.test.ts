// The analyze command as a user runs it: formats, standard input, bad files reported by name
// while the batch goes on, usage errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from './helpers/shared.js';

const run = (args: string[], input?: string | Buffer) => spawnSync('node', [`${REPO}bin/readout.js`, ...args], { input, encoding: 'utf8', maxBuffer: 1 << 26 });

const ARTICLE = `date 2022-03-29
title Blinken à Rabat

Le secrétaire d'État américain Antony Blinken a été reçu mardi à Rabat par son homologue marocain Nasser Bourita. « Le Maroc est un partenaire essentiel », a déclaré M. Blinken lors d'une conférence de presse conjointe.`;

test('json, jsonl and text formats; standard input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'readout-cli-'));
  const file = join(dir, 'a.txt');
  writeFileSync(file, ARTICLE);
  const json = run(['analyze', file, '--format', 'json']);
  assert.equal(json.status, 0, json.stderr);
  const a = JSON.parse(json.stdout);
  assert.equal(a.document.published, '2022-03-29');
  assert.equal(a.document.title, 'Blinken à Rabat');
  assert.ok(a.entities.some((e: { name: string }) => e.name === 'Nasser Bourita'));
  const jsonl = run(['analyze', file, file, '--format', 'jsonl']);
  assert.equal(jsonl.stdout.trim().split('\n').length, 2);
  const text = run(['analyze', '-', '--format', 'text', '--date', '2022-03-29'], ARTICLE.split('\n\n')[1]);
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /Antony Blinken \(USA, Secretary of State, USAGOV\)/);
  assert.match(text.stdout, /Quotes \(\d+\)/);
});

test('bad files are reported by name with the problem; the others are still analysed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'readout-cli-'));
  const good = join(dir, 'good.txt');
  const empty = join(dir, 'empty.txt');
  const binary = join(dir, 'photo.jpg');
  writeFileSync(good, ARTICLE);
  writeFileSync(empty, '');
  writeFileSync(binary, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]));
  const r = run(['analyze', empty, good, binary, join(dir, 'missing.txt'), '--format', 'jsonl']);
  assert.equal(r.status, 1);
  assert.equal(r.stdout.trim().split('\n').length, 1, 'the good file is analysed');
  assert.match(r.stderr, /3 of 4 file\(s\) failed/);
  assert.match(r.stderr, /empty\.txt: the file is empty/);
  assert.match(r.stderr, /photo\.jpg: binary data/);
  assert.match(r.stderr, /missing\.txt: cannot be read \(ENOENT\)/);
});

test('usage errors exit with 2 and say what is wrong', () => {
  assert.equal(run(['analyze']).status, 2);
  const r = run(['analyze', 'x.txt', '--format', 'xml']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /unknown format 'xml'/);
  const d = run(['analyze', 'x.txt', '--date', '1/2/2023']);
  assert.match(d.stderr, /--date: '1\/2\/2023' is not a date/);
  assert.equal(run(['frobnicate']).status, 2);
});
