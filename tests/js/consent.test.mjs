// Counting waits for consent (web/carta/consent.js): impressions and dataLayer pushes are
// held until the page's TCF CMP or Carta.consent answers, sent on a yes, dropped on a no.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { consentGate, resetConsent, setConsent, tcfAllows } from '../../web/carta/consent.js';

// A page with a TCF v2.2 CMP that answers when told to (answer(tcData)).
function cmpPage() {
  const listeners = [];
  let removed = null;
  return {
    win: {
      __tcfapi(command, version, callback, parameter) {
        assert.equal(version, 2);
        if (command === 'addEventListener') listeners.push(callback);
        if (command === 'removeEventListener') removed = parameter;
      }
    },
    answer(tcData) { listeners.forEach((cb) => cb(Object.assign({ listenerId: 7 }, tcData), true)); },
    removed: () => removed,
    listeners
  };
}
const consents = (yes) => ({ eventStatus: 'useractioncomplete', gdprApplies: true, purpose: { consents: { 1: true, 8: yes } } });

beforeEach(() => resetConsent());

test('without a consent setting everything is counted at once', () => {
  const sent = [];
  consentGate('', {}).when(() => sent.push('impression'));
  assert.deepEqual(sent, ['impression']);
});

test('tcf: held until the CMP answers, then sent on consent to purpose 8', () => {
  const cmp = cmpPage(), sent = [];
  const gate = consentGate('tcf', cmp.win);
  gate.when(() => sent.push(1));
  gate.when(() => sent.push(2));
  cmp.answer({ eventStatus: 'cmpuishown', gdprApplies: true });  // the banner: no answer yet
  assert.deepEqual(sent, []);
  cmp.answer(consents(true));
  assert.deepEqual(sent, [1, 2]);
  gate.when(() => sent.push(3));
  assert.deepEqual(sent, [1, 2, 3]);
  gate.destroy();
  assert.equal(cmp.removed(), 7, 'the CMP listener is removed with the widget');
});

test('tcf: a refusal drops what was held and counts nothing after, until a yes', () => {
  const cmp = cmpPage(), sent = [];
  const gate = consentGate('tcf', cmp.win);
  gate.when(() => sent.push('held'));
  cmp.answer(consents(false));
  gate.when(() => sent.push('after the no'));
  assert.deepEqual(sent, []);
  cmp.answer(consents(true));  // the reader changed their mind
  gate.when(() => sent.push('after the yes'));
  assert.deepEqual(sent, ['after the yes']);
});

test('tcf: where GDPR does not apply, counting starts when the CMP has loaded', () => {
  const cmp = cmpPage(), sent = [];
  const gate = consentGate('tcf', cmp.win);
  gate.when(() => sent.push(1));
  cmp.answer({ eventStatus: 'tcloaded', gdprApplies: false });
  assert.deepEqual(sent, [1]);
});

test('tcf without __tcfapi counts nothing until Carta.consent(true)', (t) => {
  t.mock.method(console, 'warn', () => {});
  const sent = [];
  const gate = consentGate('tcf', {});
  gate.when(() => sent.push(1));
  assert.deepEqual(sent, []);
  setConsent(true);
  assert.deepEqual(sent, [1]);
});

test('Carta.consent answers for every widget of the page, whatever their setting', () => {
  const sent = [];
  const a = consentGate('manual', {}), b = consentGate('', {});
  a.when(() => sent.push('a held'));
  setConsent(false);
  a.when(() => sent.push('a after no'));
  b.when(() => sent.push('b after no'));
  assert.deepEqual(sent, []);
  setConsent(true);
  b.when(() => sent.push('b after yes'));
  assert.deepEqual(sent, ['b after yes']);
});

test("what a TCData says: only a loaded or answered CMP decides", () => {
  assert.equal(tcfAllows(consents(true), false), null);
  assert.equal(tcfAllows({ eventStatus: 'cmpuishown', gdprApplies: true }, true), null);
  assert.equal(tcfAllows(consents(true), true), true);
  assert.equal(tcfAllows(consents(false), true), false);
  assert.equal(tcfAllows({ eventStatus: 'tcloaded', gdprApplies: true, purpose: { consents: {} } }, true), false);
});
