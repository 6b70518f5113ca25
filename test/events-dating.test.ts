// Event dates told by the article's lead: an act told without a date in a news article happened
// on the lead's day when the lead names one shortly before publication.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalyzer } from '../src/pipeline.js';

const analyzer = await createAnalyzer();
const dates = (text: string, published: string) => {
  const d = analyzer.analyzeDoc({ text, published });
  return d.events.map((e) => `${e.code.slice(0, 2)} ${e.source?.country}>${e.target?.country} ${e.date}`).sort();
};

test("an undated act of the body takes the lead's day (a Saturday article about Friday)", () => {
  const text =
    'OTTAWA — Canada on Friday condemned Iran over the execution of a dual national.\n\n' +
    'Canadian Foreign Minister Mélanie Joly also urged Iran to release the other detainees, her office said.';
  assert.deepEqual(dates(text, '2023-05-13'), ['02 CAN>IRN 2023-05-12', '11 CAN>IRN 2023-05-12']);
  const fr =
    'RABAT — Le Maroc a condamné mardi l’attaque contre son ambassade.\n\n' +
    'Le ministre marocain des Affaires étrangères a exhorté la Libye à retrouver les auteurs, selon un communiqué.';
  assert.ok(dates(fr, '2023-05-10').includes('02 MAR>LBY 2023-05-09'));
});

test('the publication day stays when the lead names that day, none, or a day long past', () => {
  const text = 'Canada condemned Iran on Saturday.\n\nMélanie Joly urged Iran to release the detainees.';
  assert.ok(dates(text, '2023-05-13').includes('02 CAN>IRN 2023-05-13'));
  const none = 'Canada condemned Iran.\n\nMélanie Joly urged Iran to release the detainees.';
  assert.ok(dates(none, '2023-05-13').includes('02 CAN>IRN 2023-05-13'));
  const old = 'Canada condemned Iran on May 2.\n\nMélanie Joly urged Iran to release the detainees.';
  assert.ok(dates(old, '2023-05-13').includes('02 CAN>IRN 2023-05-13'));
});
