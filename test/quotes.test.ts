// Quotes and their speakers: marked quotes, split and floating quotes, partial quotes, reported
// speech, posts, cues and channels, in French and English, on sentences written for these tests
// and, when ../shared is present, on the gold articles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createAnalyzer } from '../src/pipeline.js';
import type { Doc, Quote } from '../src/doc.js';
import { readArticleFile } from '../src/ingest/read.js';

const analyzer = await createAnalyzer();
const run = (text: string, published = '2023-02-01', language?: string): Doc => analyzer.analyzeDoc({ text, published, ...(language ? { language } : {}) });
const find = (doc: Doc, words: string): Quote | undefined => doc.quotes.find((q) => q.text.includes(words));
const who = (q: Quote | undefined) => q?.speaker?.name ?? null;

function spansHold(doc: Doc): void {
  for (const q of doc.quotes) {
    assert.equal(doc.text.slice(q.start, q.end), q.text);
    // (reported speech may end on a quotation it contains: a response would come “very soon,”)
    const closesOwn = q.kind === 'indirect' && /[»”]$/.test(q.text) && /[«“]/.test(q.text);
    assert.ok(!/^[«»“”"„\s]/.test(q.text) && (closesOwn || !/[«»“”„\s]$/.test(q.text)), `marks or spaces around ${JSON.stringify(q.text)}`);
    if (q.cueSpan) assert.equal(doc.text.slice(q.cueSpan.start, q.cueSpan.end), q.cue);
  }
}

test('French: inverted cue after the quote, pronoun resolved to the sentence before', () => {
  const doc = run(
    'Catherine Colonna a rencontré son homologue à Berlin.\n\n« Nous avons parlé de l’Ukraine et de la sécurité européenne », a-t-elle déclaré devant la presse.',
  );
  const q = find(doc, 'Nous avons parlé');
  assert.ok(q);
  assert.equal(q.kind, 'direct');
  assert.equal(who(q), 'Catherine Colonna');
  assert.equal(q.cue, 'a-t-elle déclaré');
  assert.equal(q.channel, 'press-briefing');
  assert.equal(q.language, 'fr');
  spansHold(doc);
});

test('French: role description with a name in apposition after the cue, press briefing', () => {
  const doc = run(
    '« La Tunisie reste un partenaire essentiel pour la sécurité en Méditerranée », avait souligné le porte-parole du département d’Etat américain, Ned Price, lors d’un point de presse à Washington.',
    '2022-06-10',
  );
  const q = find(doc, 'partenaire essentiel');
  assert.equal(who(q), 'Ned Price');
  assert.equal(q?.channel, 'press-briefing');
  assert.equal(q?.cue, 'avait souligné');
});

test('French: split quote « A », a-t-il ajouté, « B » is one quote in two parts', () => {
  const doc = run(
    'Nasser Bourita a reçu la délégation à Rabat. « Nous sommes prêts à travailler ensemble », a-t-il ajouté, « mais les engagements doivent être respectés ».',
    '2022-06-10',
  );
  const parts = doc.quotes.filter((q) => q.kind !== 'indirect' && (q.text.includes('prêts') || q.text.includes('engagements')));
  assert.equal(parts.length, 2, JSON.stringify(doc.quotes.map((q) => q.text)));
  const [first, second] = parts.sort((a, b) => a.start - b.start) as [Quote, Quote];
  // each part is the quoted words only; the second names the first, so the quote is one
  assert.ok(!first.text.includes('ajouté') && !second.text.includes('ajouté'));
  assert.equal(second.continues, first);
  assert.equal(first.continues ?? null, null);
  assert.equal(who(first), 'Nasser Bourita');
  assert.equal(who(second), 'Nasser Bourita');
  assert.equal(second.kind, 'direct');
});

test('French: a floating paragraph inherits the last speaker; partial quote and indirect speech', () => {
  const doc = run(
    [
      'Le ministre Nasser Bourita a déclaré que le Maroc soutenait une solution politique au conflit.',
      '« Il n’y a pas d’autre voie que le dialogue. Nous le répétons depuis des années. »',
      'Emmanuel Macron a salué un « partenariat d’exception » avec le Royaume.',
    ].join('\n\n'),
    '2022-06-10',
  );
  const ind = doc.quotes.find((q) => q.kind === 'indirect');
  assert.ok(ind, 'indirect speech found');
  assert.ok(ind.text.startsWith('le Maroc soutenait'), ind.text);
  assert.equal(who(ind), 'Nasser Bourita');
  assert.equal(who(find(doc, 'autre voie')), 'Nasser Bourita');
  const p = find(doc, 'partenariat d’exception');
  assert.equal(p?.kind, 'partial');
  assert.equal(who(p), 'Emmanuel Macron');
});

test('French: selon un communiqué du ministère → the body; d’après la même source → the same', () => {
  const doc = run(
    'Les deux ministres ont évoqué « les priorités communes de la relation bilatérale », selon un communiqué du département d’Etat.',
    '2023-02-01',
  );
  const q = find(doc, 'priorités communes');
  assert.equal(q?.speaker?.type, 'ORGANIZATION');
  assert.equal(who(q), 'United States Department of State');
  assert.equal(q?.channel, 'statement');
});

test('English: "…," X said. "…" split, and he continued', () => {
  const doc = run(
    [
      'Secretary of State Antony Blinken met Prime Minister Benjamin Netanyahu in Jerusalem on Monday.',
      '"This is a decisive moment," Blinken said. "It may be the last opportunity to bring the hostages home."',
      '"We will keep working until it gets done," he continued.',
    ].join('\n\n'),
    '2024-08-19',
  );
  const q = find(doc, 'decisive moment');
  // a quote split by its cue is one quote (ANNOTATION.md), full stop or not: two parts, linked
  const rest = find(doc, 'last opportunity');
  assert.ok(q && rest && q !== rest && !rest.text.includes('Blinken said'));
  assert.equal(rest.continues, q, 'the second part continues the first');
  assert.equal(who(q), 'Antony Blinken');
  assert.equal(who(rest), 'Antony Blinken');
  assert.equal(find(doc, 'keep working')?.continues ?? null, null, 'a new paragraph with its own cue is a new quote');
  assert.equal(who(find(doc, 'keep working')), 'Antony Blinken');
  assert.equal(find(doc, 'keep working')?.language, 'en');
  spansHold(doc);
});

test('English: indirect speech with and without "that", inverted "…, said X", according to', () => {
  const doc = run(
    [
      'Antony Blinken said on Thursday evening that the negotiations could be the last chance for a ceasefire.',
      'Turkey wants calm and dialogue along the Aegean coast, said Mevlut Cavusoglu.',
      'The talks will resume next week in Doha, according to the State Department.',
    ].join('\n\n'),
    '2022-03-12',
  );
  const a = find(doc, 'the negotiations could be');
  assert.equal(a?.kind, 'indirect');
  assert.ok(a?.text.startsWith('the negotiations'));
  assert.equal(who(a), 'Antony Blinken');
  const b = find(doc, 'Turkey wants calm');
  assert.equal(b?.kind, 'indirect');
  assert.equal(who(b), 'Mevlüt Çavuşoğlu');
  const c = find(doc, 'talks will resume');
  assert.equal(c?.kind, 'indirect');
  assert.equal(c?.cue, 'according to');
  assert.equal(who(c), 'United States Department of State');
});

test('English: an unnamed spokesperson gives the body; no cue and no subject gives no speaker', () => {
  const doc = run(
    '"We condemn this attack in the strongest terms," a spokesman for the State Department said.\n\nThe word "resilience" appeared on many placards.',
    '2023-02-01',
  );
  assert.equal(who(find(doc, 'We condemn')), 'United States Department of State');
  const scare = find(doc, 'resilience');
  assert.ok(!scare || scare.speaker === null, 'a scare quote without a cue gets no speaker');
});

test('coordinated verbs: a second speech verb of the same subject ends the first reported clause', () => {
  const en = run(
    'Foreign Minister Ana Ruiz said the border crossings would reopen on Monday and denied that troops had been sent to the area.',
    '2024-03-04',
    'en',
  );
  const q1 = find(en, 'border crossings');
  assert.equal(q1?.text, 'the border crossings would reopen on Monday');
  assert.equal(who(q1), 'Ana Ruiz');
  const en2 = run(
    'The spokeswoman Lena Ortiz told reporters that sanctions would follow “within days,” while insisting that talks remained possible.',
    '2024-03-04',
    'en',
  );
  assert.equal(find(en2, 'sanctions would')?.text, 'sanctions would follow “within days,”');
  const fr = run(
    'Le ministre Paul Kemba a affirmé que les troupes restaient « en alerte » le long du fleuve, et a de nouveau accusé le gouvernement voisin de soutenir les rebelles.',
    '2024-03-04',
    'fr',
  );
  const q2 = find(fr, 'les troupes restaient');
  assert.equal(q2?.text, 'les troupes restaient « en alerte » le long du fleuve');
  assert.equal(who(q2), 'Paul Kemba');
  const fr2 = run(
    'Le président Marc Obiang a estimé que l’accord pouvait servir de base à une sortie de crise, tout en accusant ses voisins de bloquer le processus.',
    '2024-03-04',
    'fr',
  );
  assert.equal(find(fr2, 'l’accord pouvait')?.text, 'l’accord pouvait servir de base à une sortie de crise');
  spansHold(en);
  spansHold(en2);
  spansHold(fr);
  spansHold(fr2);
});

test('embedded post: one direct quote, social, the language of the post, the signer as speaker', () => {
  const doc = run(
    'Le secrétaire d’Etat a publié un message.\n\nGreat conversation with Foreign Minister Nasser Bourita today about regional security. — Secretary Antony Blinken (@SecBlinken) February 1, 2023',
    '2023-02-01',
  );
  const posts = doc.quotes.filter((q) => q.text.startsWith('Great conversation'));
  assert.equal(posts.length, 1);
  assert.equal(posts[0]!.kind, 'direct');
  assert.equal(posts[0]!.channel, 'social');
  assert.equal(posts[0]!.language, 'en');
  assert.equal(who(posts[0]), 'Antony Blinken');
  assert.ok(!posts[0]!.text.includes('@SecBlinken'));
});

test('unbalanced and apostrophe-like marks do not swallow the article', () => {
  const doc = run(
    "Il a dit « rien du tout.\n\nLe lendemain, Catherine Colonna a déclaré : « La France restera aux côtés de l’Ukraine ».\n\nIt's the minister's ‘last word’, she said.",
    '2023-02-01',
  );
  assert.ok(find(doc, 'La France restera'));
  assert.equal(who(find(doc, 'La France restera')), 'Catherine Colonna');
  assert.ok(!doc.quotes.some((q) => q.text.includes('rien du tout') && q.text.includes('Colonna')));
  spansHold(doc);
});

test('cue lexicons: at least 150 French and 100 English lemmas; reference coverage when ../shared exists', (t) => {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const fr = JSON.parse(readFileSync(`${root}lang/fr/speech.json`, 'utf8'));
  const en = JSON.parse(readFileSync(`${root}lang/en/speech.json`, 'utf8'));
  assert.ok(fr.verbs.length >= 150, `French lemmas: ${fr.verbs.length}`);
  assert.ok(en.verbs.length >= 100, `English lemmas: ${en.verbs.length}`);
  const dire = fr.verbs.find((v: { lemma: string }) => v.lemma === 'déclarer');
  for (const f of ['déclare', 'déclarait', 'déclara', 'déclarera', 'déclaré', 'déclarant']) assert.ok(Object.values(dire.forms).flat().includes(f), f);
  const ref = new URL('../../../shared/reference/quotes/', import.meta.url);
  if (!existsSync(ref)) return t.skip('../shared absent');
  for (const [code, lex] of [
    ['fr', fr],
    ['en', en],
  ] as const) {
    const ours = new Set<string>(lex.verbs.flatMap((v: { forms: Record<string, string[]> }) => Object.values(v.forms).flat()));
    const theirs = readFileSync(new URL(`quote_verb_list_${code}.txt`, ref), 'utf8')
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
    const covered = theirs.filter((w) => ours.has(w)).length;
    t.diagnostic(`${code}: ${covered}/${theirs.length} reference verb forms covered`);
    assert.ok(covered / theirs.length > 0.5);
  }
});

test('gold articles: the seed post and briefing quote; every span reproduces its text', (t) => {
  const gold = new URL('../../../shared/gold/', import.meta.url);
  if (!existsSync(gold)) return t.skip('../shared absent');
  const seed = analyzer.analyzeDoc(readArticleFile(fileURLToPath(new URL('seed.txt', gold))));
  const post = seed.quotes.find((q) => q.text.startsWith('Spoke with'));
  assert.equal(who(post), 'Antony Blinken');
  assert.equal(post?.channel, 'social');
  assert.equal(post?.language, 'en');
  const price = seed.quotes.find((q) => q.text.startsWith('Le Maroc a une relation unique'));
  assert.equal(who(price), 'Ned Price');
  assert.equal(price?.channel, 'press-briefing');
  for (const name of ['en-01', 'en-05', 'fr-02', 'fr-05']) {
    const doc = analyzer.analyzeDoc(readArticleFile(fileURLToPath(new URL(`${name}.txt`, gold))));
    assert.ok(doc.quotes.length > 0, name);
    spansHold(doc);
  }
});

test('output: the second part of a split quote names the first by id', () => {
  const a = analyzer.analyze({
    published: '2024-08-19',
    text: '"This is a decisive moment," Blinken said on Monday. "It may be the last opportunity to bring the hostages home."',
  });
  const first = a.quotes.find((q) => q.text.includes('decisive'));
  const second = a.quotes.find((q) => q.text.includes('last opportunity'));
  assert.ok(first && second);
  assert.equal(second.continues, first.id);
  assert.equal('continues' in first, false, 'the field is left out where it does not apply');
  assert.equal(second.speaker, first.speaker);
});
