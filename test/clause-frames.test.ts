// The frame rules of src/clauses/frames.ts on hand-built dependency trees (sentences written for
// these tests): what the tree says directly, and what the rules add where it leaves things implicit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clauseFrames } from '../src/clauses/frames.js';
import { grammarOf } from '../src/lang/grammar.js';
import { loadPack } from '../src/lang/pack.js';
import { fold } from '../src/text/normalize.js';
import type { Clause } from '../src/clauses/types.js';

const fr = grammarOf(loadPack('fr'));
const en = grammarOf(loadPack('en'));

/** A tree from "word/UPOS/head/rel" items (heads 1-based as in CoNLL-U, 0 = root). */
function frames(spec: string, lang: 'fr' | 'en'): { words: string[]; clauses: Clause[] } {
  const rows = spec
    .trim()
    .split(/\s+/)
    .map((item) => {
      const [w, upos, head, rel] = item.split('/');
      return { w: w!.replace(/_/g, ' '), upos: upos!, head: Number(head) - 1, rel: rel! };
    });
  const words = rows.map((r) => r.w);
  const clauses = clauseFrames(
    { words: words.map(fold), tree: { upos: rows.map((r) => r.upos), head: rows.map((r) => r.head), rel: rows.map((r) => r.rel) } },
    lang === 'fr' ? fr : en,
  );
  return { words, clauses };
}

/** "role[~how]=first..last" for each argument of the clause whose predicate is `pred`. */
function args(r: { words: string[]; clauses: Clause[] }, pred: string): string[] {
  const c = r.clauses.find((x) => r.words[x.head] === pred);
  assert.ok(c, `a clause for ${pred}`);
  return c.args.map((a) => `${a.role}${a.prep ? '/' + a.prep : ''}${a.inherited ? '~' + a.inherited : ''}=${r.words.slice(a.start, a.end).join(' ')}`);
}
const clause = (r: { words: string[]; clauses: Clause[] }, pred: string) => r.clauses.find((x) => r.words[x.head] === pred)!;

test('subject, object and obliques with their preposition; contractions give the bare preposition', () => {
  const r = frames(
    `Le/DET/2/det ministre/NOUN/4/nsubj a/AUX/4/aux signé/VERB/0/root un/DET/6/det accord/NOUN/4/obj
    avec/ADP/8/case Dakar/PROPN/4/obl au/ADP/10/case Caire/PROPN/4/obl ./PUNCT/4/punct`,
    'fr',
  );
  assert.deepEqual(args(r, 'signé'), ['subj=Le ministre', 'obj=un accord', 'obl/avec=Dakar', 'obl/a=Caire']);
  const c = clause(r, 'signé');
  assert.deepEqual([c.voice, c.negated, c.modal, c.future, c.governor], ['active', false, null, false, null]);
  assert.deepEqual(c.group, [2, 3]);
});

test('a passive: its agent from par/by, its subject the one acted upon; a-t-il is no passive', () => {
  const r = frames(
    `Le/DET/2/det convoi/NOUN/5/nsubj:pass a/AUX/5/aux été/AUX/5/aux:pass attaqué/VERB/0/root par/ADP/7/case
    rebelles/NOUN/5/obl ./PUNCT/5/punct`,
    'fr',
  );
  assert.deepEqual(args(r, 'attaqué'), ['subj=Le convoi', 'agent/par=rebelles']);
  assert.equal(clause(r, 'attaqué').voice, 'passive');
  const inv = frames(`a-t-il/AUX/2/aux:pass ajouté/VERB/0/root`, 'fr');
  assert.equal(clause(inv, 'ajouté').voice, 'active', 'avoir is not a passive auxiliary');
  assert.deepEqual(args(inv, 'ajouté'), ['subj~inversion=a-t-il'], 'the pronoun inside the form is the subject');
  const arrived = frames(`Le/DET/2/det président/NOUN/4/nsubj:pass est/AUX/4/aux:pass arrivé/VERB/0/root`, 'fr');
  assert.equal(clause(arrived, 'arrivé').voice, 'active', 'être + arrivé is active');
  const refl = frames(`Il/PRON/4/nsubj s'/PRON/4/expl est/AUX/4/aux:pass rendu/VERB/0/root à/ADP/6/case Paris/PROPN/4/obl`, 'fr');
  assert.equal(clause(refl, 'rendu').voice, 'active', 'a pronominal verb is active');
});

test('negation, modals and futures', () => {
  const neg = frames(`Washington/PROPN/4/nsubj will/AUX/4/aux not/PART/4/advmod recognise/VERB/0/root the/DET/6/det vote/NOUN/4/obj`, 'en');
  const c = clause(neg, 'recognise');
  assert.deepEqual([c.negated, c.future, c.modal], [true, true, null]);
  const may = frames(`Israel/PROPN/3/nsubj may/AUX/3/aux strike/VERB/0/root Iran/PROPN/3/obj`, 'en');
  assert.equal(clause(may, 'strike').modal, 'may');
  const fut = frames(`Le/DET/2/det roi/NOUN/3/nsubj rencontrera/VERB/0/root son/DET/5/det homologue/NOUN/3/obj`, 'fr');
  assert.equal(clause(fut, 'rencontrera').future, true, 'a synthetic future');
  const ne = frames(`Il/PRON/4/nsubj n'/ADV/4/advmod a/AUX/4/aux rencontré/VERB/0/root personne/PRON/4/obj`, 'fr');
  assert.equal(clause(ne, 'rencontré').negated, true);
});

test('coordinated subjects and objects are each an argument; a parenthesis does not break the list', () => {
  const r = frames(
    `le/DET/2/det Mali/PROPN/10/nsubj (/PUNCT/4/punct Bamako/PROPN/2/appos )/PUNCT/4/punct et/CCONJ/8/cc le/DET/8/det
    Niger/PROPN/2/conj ont/AUX/10/aux rompu/VERB/0/root leurs/DET/12/det relations/NOUN/10/obj`,
    'fr',
  );
  assert.deepEqual(args(r, 'rompu'), ['subj=le Mali', 'subj=le Niger', 'obj=leurs relations']);
  const c = clause(r, 'rompu');
  assert.deepEqual(
    c.args.map((a) => a.coord),
    [false, true, false],
  );
  assert.deepEqual(c.args[0]!.appos, [[3, 4]], 'the parenthesis is an apposition of the first');
});

test('a relative pronoun stands for its noun; a relative object leaves the subject to the clause', () => {
  const r = frames(`The/DET/2/det minister/NOUN/5/nsubj who/PRON/4/nsubj met/VERB/2/acl:relcl resigned/VERB/0/root`, 'en');
  assert.deepEqual(args(r, 'met'), ['subj~relative=The minister']);
  assert.equal(clause(r, 'met').governor, r.clauses.indexOf(clause(r, 'resigned')));
  assert.equal(clause(r, 'met').relation, 'acl:relcl');
  const obj = frames(`the/DET/2/det deal/NOUN/0/root that/PRON/5/obj Mali/PROPN/5/nsubj signed/VERB/2/acl:relcl`, 'en');
  assert.deepEqual(args(obj, 'signed'), ['obj~relative=the deal', 'subj=Mali']);
});

test('participles modifying a noun take it as subject and are passive unless present participles', () => {
  const r = frames(`condemned/VERB/0/root strikes/NOUN/1/obj targeting/VERB/2/acl Lebanon/PROPN/3/obj`, 'en');
  assert.deepEqual(args(r, 'condemned'), ['obj=strikes'], 'the victim stays inside the participle');
  assert.deepEqual(args(r, 'targeting'), ['obj=Lebanon', 'subj~participle=strikes']);
  assert.equal(clause(r, 'targeting').voice, 'active');
  const p = frames(`les/DET/2/det violences/NOUN/0/root commises/VERB/2/acl par/ADP/5/case militaires/NOUN/3/obl`, 'fr');
  assert.equal(clause(p, 'commises').voice, 'passive');
  assert.deepEqual(args(p, 'commises'), ['agent/par=militaires', 'subj~participle=les violences']);
});

test('control: the object of "asked X to" is the subject of the infinitive, else the subject is', () => {
  const r = frames(`Paris/PROPN/2/nsubj asked/VERB/0/root Bamako/PROPN/2/obj to/PART/5/mark release/VERB/2/xcomp the/DET/7/det hostages/NOUN/5/obj`, 'en');
  assert.deepEqual(args(r, 'release'), ['obj=the hostages', 'subj~control=Bamako']);
  const c = clause(r, 'release');
  assert.deepEqual([c.relation, c.subordinator], ['xcomp', 'to']);
  const asked = clause(r, 'asked');
  assert.equal(asked.args.find((a) => a.role === 'xcomp')!.clause, r.clauses.indexOf(c), 'the complement points to its clause');
  const refused = frames(`Kyiv/PROPN/2/nsubj refused/VERB/0/root to/PART/4/mark sign/VERB/2/xcomp`, 'en');
  assert.deepEqual(args(refused, 'sign'), ['subj~control=Kyiv']);
});

test('reported speech: the said-that clause is a complement with its subordinator; conjoined verbs share the subject', () => {
  const r = frames(
    `Moscow/PROPN/2/nsubj said/VERB/0/root that/SCONJ/5/mark Kyiv/PROPN/5/nsubj attacked/VERB/2/ccomp
    and/CCONJ/8/cc then/ADV/8/advmod shelled/VERB/5/conj Belgorod/PROPN/8/obj`,
    'en',
  );
  const att = clause(r, 'attacked');
  assert.deepEqual([att.relation, att.subordinator, r.words[r.clauses[att.governor!]!.head]], ['ccomp', 'that', 'said']);
  assert.deepEqual(args(r, 'shelled'), ['obj=Belgorod', 'subj~conj=Kyiv']);
  assert.deepEqual(args(r, 'said'), ['subj=Moscow', 'comp=Kyiv attacked'], 'the complement without its subordinator');
  assert.equal(clause(r, 'said').args[1]!.clause, r.clauses.indexOf(att));
});

test('a reporting verb after a quote takes the phrase after it as subject (inversion)', () => {
  const r = frames(
    `«/PUNCT/3/punct Nous/PRON/3/nsubj céderons/VERB/0/root »/PUNCT/3/punct ,/PUNCT/3/punct a/AUX/7/aux déclaré/VERB/3/parataxis
    le/DET/9/det ministre/NOUN/7/obj malien/ADJ/9/amod`,
    'fr',
  );
  assert.deepEqual(args(r, 'déclaré'), ['subj~inversion=le ministre malien']);
  const en2 = frames(
    `"/PUNCT/3/punct We/PRON/3/nsubj agree/VERB/0/root ,/PUNCT/3/punct "/PUNCT/3/punct said/VERB/3/parataxis
    the/DET/8/det minister/NOUN/6/nsubj`,
    'en',
  );
  assert.deepEqual(args(en2, 'said'), ['subj=the minister'], 'a subject already read stays');
});

test("an adverbial clause without subject takes the main clause's", () => {
  const r = frames(`After/SCONJ/2/mark meeting/VERB/6/advcl Macron/PROPN/2/obj ,/PUNCT/2/punct Modi/PROPN/6/nsubj left/VERB/0/root`, 'en');
  assert.deepEqual(args(r, 'meeting'), ['obj=Macron', 'subj~adverbial=Modi']);
  assert.equal(clause(r, 'meeting').subordinator, 'after');
});
