// Speaker attribution beyond the cue next to the quote: earlier verbs of the same sentence, pronouns
// after 'selon' / 'according to', the last person mentioned, descriptions without a name, given names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalyzer } from '../src/pipeline.js';
import type { Doc, Quote } from '../src/doc.js';

const analyzer = await createAnalyzer();
const run = (text: string, published = '2024-03-01'): Doc => analyzer.analyzeDoc({ text, published });
const find = (doc: Doc, words: string, kind?: string): Quote | undefined => doc.quotes.find((q) => q.text.includes(words) && (!kind || q.kind === kind));
const who = (q: Quote | undefined) => q?.speaker?.name ?? null;
const spans = (doc: Doc) => {
  for (const q of doc.quotes) assert.equal(doc.text.slice(q.start, q.end), q.text);
};

test('a partial quote governed by an earlier speech verb of the same sentence', () => {
  const en = run('Olaf Scholz said the sanctions were lawful and rested on evidence that "cannot be disputed by anyone."');
  assert.equal(who(find(en, 'cannot be disputed', 'partial')), 'Olaf Scholz');
  const en2 = run('Josep Borrell said the talks had been "useful" and urged both sides to "show restraint" in the coming days.');
  assert.equal(who(find(en2, 'show restraint', 'partial')), 'Josep Borrell');
  const fr = run('Olaf Scholz a affirmé que les sanctions étaient légales et reposaient sur des preuves qui « ne peuvent être contestées ».');
  assert.equal(who(find(fr, 'ne peuvent être contestées', 'partial')), 'Olaf Scholz');
  spans(en);
  spans(en2);
  spans(fr);
});

test("a pronoun after 'selon' / 'according to' stands for the person named before", () => {
  const fr = run(
    "Le ministre tchadien Mahamat Saleh Annadif a reçu les ambassadeurs lundi. Selon lui, le gouvernement n'entend pas « céder aux pressions » extérieures.",
  );
  assert.equal(who(find(fr, "le gouvernement n'entend pas", 'indirect')), 'Mahamat Saleh Annadif');
  assert.equal(who(find(fr, 'céder aux pressions', 'partial')), 'Mahamat Saleh Annadif');
  const fr2 = run("Annalena Baerbock s'est rendue à Kiev mardi. Les livraisons d'armes se poursuivront, selon elle.");
  assert.equal(who(find(fr2, "Les livraisons d'armes", 'indirect')), 'Annalena Baerbock');
  const en = run('Penny Wong met her counterpart in Jakarta on Monday. According to her, the two countries will "deepen maritime cooperation" this year.');
  assert.equal(who(find(en, 'deepen maritime cooperation', 'partial')), 'Penny Wong');
  spans(fr);
  spans(fr2);
  spans(en);
});

test('a pronoun with no person as subject before it goes to the last person named', () => {
  const fr = run(
    'Ankara a répondu jeudi par la voix de son ministre des Affaires étrangères, Hakan Fidan.\n\n« Nous ne laisserons personne menacer nos frontières », a-t-il déclaré devant la presse.',
  );
  assert.equal(who(find(fr, 'Nous ne laisserons personne')), 'Hakan Fidan');
  const en = run(
    'Tokyo responded through its chief cabinet secretary, Yoshimasa Hayashi, on Friday.\n\n"We will not accept any change to the status quo by force," he told reporters.',
  );
  assert.equal(who(find(en, 'We will not accept')), 'Yoshimasa Hayashi');
  spans(fr);
  spans(en);
});

test('a quotation ending its paragraph takes no cue from the next paragraph; after a full stop a second quotation stays apart', () => {
  const en = run(
    '"We have opened a new chapter," Bogdan Aurescu told reporters in Bucharest. "There is no way back."\n\nMaia Sandu said in a statement that the accord was "a historic step".',
  );
  const second = find(en, 'no way back');
  assert.ok(second && !second.text.includes('new chapter'));
  assert.equal(who(second), 'Bogdan Aurescu');
  const fr = run(
    "« Nous avons ouvert un nouveau chapitre », a déclaré Bogdan Aurescu à Bucarest. « Il n'y a pas de retour en arrière. »\n\nMaia Sandu a affirmé dans un communiqué que l'accord était « une étape historique ».",
  );
  assert.equal(who(find(fr, 'pas de retour')), 'Bogdan Aurescu');
  spans(en);
  spans(fr);
});

test('a given name alone before a speech verb refers to the person named in full before', () => {
  const en = run(
    'The opposition spokesman Getachew Reda landed in Kampala on Thursday.\n\n"Our side has offered guarantees," Getachew told journalists.\n\nGetachew said the mediation would go on in April.',
  );
  assert.equal(who(find(en, 'Our side has offered guarantees')), 'Getachew Reda');
  assert.equal(who(find(en, 'the mediation would go on', 'indirect')), 'Getachew Reda');
  const fr = run('Le porte-parole des rebelles, Getachew Reda, est arrivé lundi à Nairobi.\n\nGetachew a assuré que les discussions reprendraient en mars.');
  assert.equal(who(find(fr, 'les discussions reprendraient', 'indirect')), 'Getachew Reda');
  spans(en);
  spans(fr);
});

test('an inverted subject after the cue may be followed by a date', () => {
  const fr = run(
    "Le Premier ministre japonais Fumio Kishida a reçu son homologue à Tokyo. « Nous ne céderons pas à l'intimidation », a déclaré le chef du gouvernement jeudi soir à la télévision.",
    '2023-05-12',
  );
  assert.equal(who(find(fr, 'ne céderons pas')), 'Fumio Kishida');
  const en = run('"We will not be intimidated," said Jacinda Ardern Tuesday after the cabinet meeting.', '2023-01-12');
  assert.equal(who(find(en, 'not be intimidated')), 'Jacinda Ardern');
  spans(fr);
  spans(en);
});

test('le texte / the statement with no issuer refers back to the text just quoted', () => {
  const fr = run(
    'Le ministère sénégalais des Affaires étrangères a publié un communiqué mardi. « Le Sénégal condamne fermement cette attaque », a déclaré le porte-parole Ousmane Diallo. Selon le texte, Dakar entend saisir le Conseil de sécurité.',
  );
  assert.equal(who(find(fr, 'Dakar entend saisir', 'indirect')), 'Ousmane Diallo');
  const fr2 = run('Le président kényan William Ruto a dénoncé une « ingérence inacceptable ». « Le Kenya restera souverain », ajoute le texte.');
  assert.equal(who(find(fr2, 'Le Kenya restera souverain')), 'William Ruto');
  const en = run(
    'Kenyan President William Ruto condemned what he called "unacceptable interference" on Monday. "Kenya will remain sovereign," the statement added.',
  );
  assert.equal(who(find(en, 'Kenya will remain sovereign')), 'William Ruto');
  spans(fr);
  spans(fr2);
  spans(en);
});

test('a title right before the name after the cue: the name is the speaker', () => {
  const fr = run('« Nous appelons toutes les parties au calme », a affirmé le porte-parole Mamadou Ndiaye devant la presse.');
  assert.equal(who(find(fr, 'toutes les parties')), 'Mamadou Ndiaye');
  const en = run('"We call on all parties to exercise restraint," said the spokesman Mamadou Ndiaye on Monday.');
  assert.equal(who(find(en, 'exercise restraint')), 'Mamadou Ndiaye');
  spans(fr);
  spans(en);
});

test('ce dernier / the latter is the last person named', () => {
  const fr = run("Emmanuel Macron s'est entretenu avec le chancelier allemand, Olaf Scholz. Ce dernier a salué « un dialogue franc et utile ».");
  assert.equal(who(find(fr, 'un dialogue franc')), 'Olaf Scholz');
  const en = run('Emmanuel Macron held talks with the German chancellor, Olaf Scholz. The latter described the meeting as "frank and useful."');
  assert.equal(who(find(en, 'frank and useful')), 'Olaf Scholz');
  spans(fr);
  spans(en);
});

test('a description with only a nationality (le dirigeant chinois, the Chinese leader) is the last person of that country', () => {
  const fr = run('Xi Jinping a reçu jeudi Pedro Sánchez à Pékin.\n\n« La Chine est prête à approfondir la coopération », a répondu le dirigeant chinois.');
  assert.equal(who(find(fr, 'prête à approfondir')), 'Xi Jinping');
  const en = run('Xi Jinping received Pedro Sanchez in Beijing on Thursday.\n\n"China is ready to deepen cooperation," the Chinese leader replied.');
  assert.equal(who(find(en, 'ready to deepen')), 'Xi Jinping');
  spans(fr);
  spans(en);
});

test('a speech verb after "and" / "et" following a quotation is no inverted cue: two quotations of the subject', () => {
  const en = run(
    'Norway\'s foreign ministry called the seizure a "flagrant violation of international law" and said Norway would respond "in due course and by lawful means."',
  );
  const a = find(en, 'flagrant violation'),
    b = find(en, 'in due course');
  assert.ok(a && b && a !== b, JSON.stringify(en.quotes.map((q) => q.text)));
  assert.equal(who(a), 'Norwegian Ministry of Foreign Affairs');
  assert.equal(who(b), 'Norwegian Ministry of Foreign Affairs');
  const fr = run(
    "Le président sénégalais Bassirou Diomaye Faye a qualifié l'attaque d'« acte lâche » et a affirmé que son pays répondrait « avec la plus grande fermeté ».",
  );
  const c = find(fr, 'acte lâche'),
    d = find(fr, 'la plus grande fermeté', 'partial');
  assert.ok(c && d && c !== d);
  assert.equal(who(c), 'Bassirou Diomaye Faye');
  assert.equal(who(d), 'Bassirou Diomaye Faye');
  spans(en);
  spans(fr);
});

test('a reporting cue with no speaker after a partial quotation leaves it to the clause subject', () => {
  const en = run(
    'Japanese Foreign Minister Yoko Kamikawa summoned the Chinese ambassador on Friday to convey "a serious and grave concern," state television reported.',
  );
  assert.equal(who(find(en, 'serious and grave concern')), 'Yoko Kamikawa');
  const fr = run(
    "La ministre japonaise des Affaires étrangères Yoko Kamikawa a convoqué vendredi l'ambassadeur chinois pour exprimer « une préoccupation grave et sérieuse », a rapporté la télévision publique.",
  );
  assert.equal(who(find(fr, 'une préoccupation grave')), 'Yoko Kamikawa');
  spans(en);
  spans(fr);
});
