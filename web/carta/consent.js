// Whether the reader agreed to be counted, before any impression, carta:impression or
// dataLayer push (the cards themselves show at once). A widget's `consent` setting:
//   ''      counted as before: the page decides what its listeners do (the default)
//   'tcf'   the page's IAB TCF v2.2 CMP (window.__tcfapi) decides: counted when GDPR does
//           not apply, or when the reader consented to purpose 8, "measure content
//           performance"; until the CMP has answered, nothing is counted
//   'manual' only Carta.consent(true) lets counting start
// Carta.consent(true|false) answers for every widget of the page, whatever the setting, for
// consent platforms other than TCF. Counts made while waiting are held and sent when the
// answer is yes, dropped when it is no; after a no, nothing more is counted until a yes.
export const MEASURE_CONTENT_PURPOSE = 8;

const page = { said: null, gates: [] };

// The page's own answer (Carta.consent): for every widget, now and later.
export function setConsent(yes) {
  page.said = !!yes;
  page.gates.forEach((decide) => decide());
}

// What a TCF v2.2 TCData says about counting: true, false, or null (not answered yet).
export function tcfAllows(d, success) {
  if (!success || !d || (d.eventStatus !== 'tcloaded' && d.eventStatus !== 'useractioncomplete')) return null;
  return d.gdprApplies === false || !!(d.purpose && d.purpose.consents && d.purpose.consents[MEASURE_CONTENT_PURPOSE]);
}

// A widget's gate: when(send) sends now, holds it, or drops it, by the answer. `win` is the
// page (tests give their own).
export function consentGate(mode, win) {
  let tcf = null, id = null, held = [];
  const answer = () => page.said !== null ? page.said : mode === 'tcf' ? tcf : mode !== 'manual' || null;
  const decide = () => {
    const yes = answer(), sends = held;
    if (yes === null) return;
    held = [];
    if (yes) sends.forEach((send) => send());
  };
  page.gates.push(decide);
  const cmp = mode === 'tcf' && win.__tcfapi;
  if (cmp) {
    cmp('addEventListener', 2, (d, success) => {
      if (d) id = d.listenerId;
      const yes = tcfAllows(d, success);
      if (yes !== null) { tcf = yes; decide(); }
    });
  } else if (mode === 'tcf') console.warn('Carta: consent="tcf" but no __tcfapi: nothing is counted until Carta.consent(true)');
  return {
    when(send) {
      const yes = answer();
      if (yes) send();
      else if (yes === null) held.push(send);
    },
    destroy() {
      page.gates = page.gates.filter((g) => g !== decide);
      if (cmp && id != null) cmp('removeEventListener', 2, () => {}, id);
    }
  };
}

// For tests: forget the page's answer and its widgets.
export function resetConsent() { page.said = null; page.gates = []; }
