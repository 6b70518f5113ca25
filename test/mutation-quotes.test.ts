// Quotes: survivors of `npm run mutate -- src/quotes` (docs/mutation-survivors.md), each on a
// sentence written for this file. Each test names what it pins down; the mutants it kills are
// listed in docs/mutation-survivors.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalyzer } from '../src/pipeline.js';
import type { Doc } from '../src/doc.js';

const analyzer = await createAnalyzer();
const run = (text: string, language?: string): Doc => analyzer.analyzeDoc({ text, published: '2023-02-01', ...(language ? { language } : {}) });
/** each quote as [kind, text, speaker's name or null] */
const quotes = (text: string, language?: string) => run(text, language).quotes.map((q) => [q.kind, q.text, q.speaker?.name ?? null]);

test('single quotation marks open before a capital letter, ASCII or accented', () => {
  assert.deepEqual(quotes('The minister called the plan ‘Bad news for everyone’ on Monday.'), [['partial', 'Bad news for everyone', null]]);
  assert.deepEqual(quotes('Le ministre a qualifié le plan de ‘Échec annoncé pour tous’ lundi.'), [['partial', 'Échec annoncé pour tous', 'ministre']]);
});

test('a quote over two paragraphs, the second reopening with the same mark, is one quote', () => {
  for (const [open, close] of [
    ['«', '»'],
    ['“', '”'],
    ['"', '"'],
  ] as const) {
    const text = `${open} We will stay here until the end.\n\n${open}We will not leave without guarantees,${close} Emmanuel Macron said.`;
    const q = run(text).quotes;
    assert.equal(q.length, 1, `${open}: ${JSON.stringify(q.map((x) => x.text))}`);
    assert.equal(q[0]!.text, `We will stay here until the end.\n\n${open}We will not leave without guarantees`);
    assert.equal(q[0]!.speaker?.name, 'Emmanuel Macron');
  }
});

test('a mistyped opening curly mark after a word closes the quote', () => {
  assert.deepEqual(quotes('“We will win the vote next week“, said Emmanuel Macron.'), [['direct', 'We will win the vote next week', 'Emmanuel Macron']]);
});

test('straight marks: one after an opening parenthesis opens a nested quote; one before a tab closes', () => {
  assert.deepEqual(quotes('"The book ("Dark Days") must be read by everyone," said Emmanuel Macron.'), [
    ['direct', 'The book ("Dark Days") must be read by everyone', 'Emmanuel Macron'],
  ]);
  assert.deepEqual(quotes('Emmanuel Macron a dit "nous irons à Bruxelles "\tpuis il est parti.'), [['partial', 'nous irons à Bruxelles', 'Emmanuel Macron']]);
});

/** the quotes of a text as [cue, speaker's name or null] */
const cued = (text: string, language?: string) => run(text, language).quotes.map((q) => [q.cue, q.speaker?.name ?? null]);

test('the phrase after "selon": nouns alone make a description, an adjective after the noun belongs to it', () => {
  assert.deepEqual(cued('« La frontière rouvrira bientôt », selon des diplomates.'), [['selon', 'diplomates']]);
  assert.deepEqual(cued('« La frontière rouvrira bientôt », selon une source diplomatique.'), [['selon', 'source diplomatique']]);
});

test('a demonym after "selon" gives the description its country; it is not the speaker', () => {
  const [q] = run('« La frontière rouvrira bientôt », selon un diplomate français.').quotes;
  assert.equal(q?.speaker?.name, 'diplomate français');
  assert.equal(q?.speaker?.actor, null);
  assert.equal(q?.speaker?.country, 'FRA');
});

test('a body noun stands for the body of that kind named before the quote, not after it', () => {
  const doc = run('The ministry said in a statement that the talks were over. Later the Jordanian foreign ministry summoned the envoy.');
  assert.equal(doc.quotes.length, 1);
  assert.equal(doc.quotes[0]!.speaker?.actor, null);
  assert.equal(doc.quotes[0]!.speaker?.name, 'ministry');
});

test("a document after X's is X's", () => {
  assert.deepEqual(cued("“The alliance is united,” according to NATO's statement."), [['according to', 'North Atlantic Treaty Organization']]);
});

test('"the statement" speaks for the closest earlier speaker with a verb cue that has one', () => {
  assert.deepEqual(
    cued('Emmanuel Macron said that France would help Ukraine. It was said that aid would arrive in May. The statement said that help would follow.'),
    [
      ['said', 'Emmanuel Macron'],
      ['was said', null],
      ['said', 'Emmanuel Macron'],
    ],
  );
});

test('a body whose noun phrase holds a country names the country', () => {
  assert.deepEqual(cued('Un diplomate de la France a déclaré que la réunion était reportée.'), [['a déclaré', 'France']]);
});

test('an inverted pronoun takes the last speaker three paragraphs back, not four', () => {
  const three =
    'Emmanuel Macron a déclaré que la France aiderait l’Ukraine.\n\nLa réunion a duré deux heures.\n\nLes ministres ont parlé du budget.\n\n« Nous ne lâcherons rien », a-t-il ajouté.';
  assert.deepEqual(cued(three), [
    ['a déclaré', 'Emmanuel Macron'],
    ['a-t-il ajouté', 'Emmanuel Macron'],
  ]);
  const four = three.replace('\n\nLes ministres', '\n\nLe budget a été voté.\n\nLes ministres');
  assert.deepEqual(cued(four), [
    ['a déclaré', 'Emmanuel Macron'],
    ['a-t-il ajouté', null],
  ]);
});

test('a verb names the last speaker only when "that" or a colon follows within six words', () => {
  // (far from its verb, "that" opens no reported speech: the floating quote after it has no speaker)
  assert.deepEqual(cued('Emmanuel Macron said on Monday evening in Paris before the summit that Europe must act.\n\n“We cannot wait any longer.”'), [
    [null, null],
  ]);
  const doc = run('Emmanuel Macron a déclaré que la France aiderait l’Ukraine lors d’une conférence de presse.\n\n« Nous ne lâcherons rien. »');
  const floating = doc.quotes.find((q) => q.kind === 'direct')!;
  assert.equal(floating.speaker?.name, 'Emmanuel Macron');
  assert.equal(floating.channel, 'press-briefing', 'a floating quote keeps the channel of the speaker it inherits');
});

test('"selon cette même source": the last speaker', () => {
  assert.deepEqual(cued('Emmanuel Macron a déclaré que la France aiderait l’Ukraine.\n\n« L’aide arrivera en mai », selon cette même source.'), [
    ['a déclaré', 'Emmanuel Macron'],
    ['selon', 'Emmanuel Macron'],
  ]);
});

test('reported speech: "que" after a comma-enclosed adverbial, a semicolon ends it, a bare clause ends the text', () => {
  assert.deepEqual(quotes('Emmanuel Macron a affirmé, lundi, que la France aiderait l’Ukraine.'), [
    ['indirect', 'la France aiderait l’Ukraine', 'Emmanuel Macron'],
  ]);
  assert.deepEqual(quotes('Emmanuel Macron a déclaré que la France aiderait l’Ukraine; les Etats-Unis restent prudents.'), [
    ['indirect', 'la France aiderait l’Ukraine', 'Emmanuel Macron'],
  ]);
  assert.deepEqual(quotes('Peace will come soon, Emmanuel Macron said'), [['indirect', 'Peace will come soon', 'Emmanuel Macron']]);
});

test('an inverted cue followed by more than four words before the end reports nothing', () => {
  assert.deepEqual(quotes('La France aidera l’Ukraine, a déclaré Emmanuel Macron lors d’une longue conférence de presse à Paris.'), []);
});

test('a participle cue with no finite verb in its sentence takes no speaker from another sentence; one opening the text', () => {
  const doc = run('Emmanuel Macron said that France would help Ukraine. Warning that prices would rise, the report was published on Monday.');
  assert.deepEqual(
    doc.quotes.map((q) => [q.cue, q.speaker?.name ?? null]),
    [
      ['said', 'Emmanuel Macron'],
      ['Warning', null],
    ],
  );
  assert.deepEqual(cued('Warning that prices would rise, the report was published on Monday.'), [['Warning', null]]);
});

test('« A, a-t-il encore déclaré. B »: a cue with an adverb inside one pair of marks splits it', () => {
  assert.deepEqual(
    run('« L’Ukraine résistera, a-t-il encore déclaré. La France sera à ses côtés. »').quotes.map((q) => [q.text, q.cue]),
    [
      ['L’Ukraine résistera', 'a-t-il encore déclaré'],
      ['La France sera à ses côtés.', 'a-t-il encore déclaré'],
    ],
  );
});

test('a cue after a quotation: in the next sentence only right after it', () => {
  assert.deepEqual(cued('“It is over.” Zelensky said.'), [['said', 'Volodymyr Zelensky']]);
  assert.deepEqual(cued('“It is over.” Emmanuel Macron later said so.'), [[null, null]]);
  // a semicolon ends the search in the same sentence
  assert.deepEqual(cued('“We will stay”; Emmanuel Macron said nothing more.'), [[null, null]]);
});

test('the subject right before the verb is a body whose name holds a preposition, not a person named earlier', () => {
  assert.deepEqual(cued('After meeting Emmanuel Macron, the Jordanian Ministry of Foreign Affairs said that the talks had been useful.'), [
    ['said', 'Jordanian Ministry of Foreign Affairs'],
  ]);
  assert.deepEqual(cued('Emmanuel Macron left Amman on Sunday and the Jordanian Ministry of Foreign Affairs said that the talks had been useful.'), [
    ['said', 'Jordanian Ministry of Foreign Affairs'],
  ]);
});

test('a place before an indefinite document is not its issuer', () => {
  const [q] = run('In Moscow a statement said that the talks had failed.').quotes;
  assert.equal(q?.cue, 'said');
  assert.equal(q?.speaker?.actor ?? null, null, `speaker ${q?.speaker?.name}`);
});

test('a floating quote takes its channel from its own sentence when the speaker it inherits had none', () => {
  const doc = run('Emmanuel Macron a déclaré que la France aiderait l’Ukraine.\n\n« Nous ne lâcherons rien » lors de la conférence de presse.');
  const floating = doc.quotes.find((q) => q.kind === 'direct')!;
  assert.equal(floating.speaker?.name, 'Emmanuel Macron');
  assert.equal(floating.channel, 'press-briefing');
});

test('reported speech holding a quotation is kept while at least 55 % of its words lie outside the marks', () => {
  const at55 = 'Emmanuel Macron said that France and Germany would act together soon in Europe and that “we will never accept such a violation of borders”.';
  assert.deepEqual(
    run(at55).quotes.map((q) => q.kind),
    ['indirect', 'partial'],
    '11 words of 20 outside',
  );
  assert.deepEqual(
    run(at55.replace(' soon', '')).quotes.map((q) => q.kind),
    ['partial'],
    '10 words of 19 outside',
  );
});

test('a quotation ends the clause: the subject before it is not the subject of a verb after it', () => {
  const doc = run('Emmanuel Macron called it “historic”, reporters said that the talks would resume.');
  const reported = doc.quotes.find((q) => q.kind === 'indirect');
  assert.equal(reported?.text, 'the talks would resume');
  assert.notEqual(reported?.speaker?.actor, 'emmanuel-macron');
});

test('« A », cue and subject, « B » is one split quote when the subject runs up to eight words, not nine', () => {
  const joined = (text: string) => run(text).quotes.map((q) => [q.kind, q.continues ? 'continues' : 'alone']);
  const eight = '« Nous partirons », a déclaré le ministre des Affaires étrangères congolais Jean Dupont, « mais pas avant lundi ».';
  assert.deepEqual(joined(eight), [
    ['direct', 'alone'],
    ['direct', 'continues'],
  ]);
  assert.deepEqual(joined(eight.replace('Jean Dupont', 'Jean Pierre Dupont')), [
    ['direct', 'alone'],
    ['partial', 'alone'],
  ]);
});
