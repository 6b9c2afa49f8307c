// The partner's link policy: link-rel (e.g. "sponsored nofollow", which search engines ask
// for on widget and paid links) and referrer-policy (to keep the referrer that attributes
// the traffic). Every story and related link carries it — the mirror's, the plain list's,
// and what the widget opens itself (a click on the canvas).
export const REFERRER_POLICIES = ['no-referrer', 'no-referrer-when-downgrade', 'origin', 'origin-when-cross-origin',
  'same-origin', 'strict-origin', 'strict-origin-when-cross-origin', 'unsafe-url'];

// {rel, referrerPolicy}: "noopener" always (the story never gets this page's window);
// "noreferrer" unless a referrer policy other than no-referrer is given; the partner's words
// after them. referrerPolicy is null when none is given (none is sent: noreferrer).
export function linkPolicy(relText, referrerText) {
  const policy = String(referrerText || '').trim().toLowerCase();
  const known = REFERRER_POLICIES.indexOf(policy) >= 0;
  if (policy && !known) console.warn('Carta: unknown referrer-policy ' + policy);
  const keeps = known && policy !== 'no-referrer';
  const words = String(relText || '').toLowerCase().split(/[\s,]+/)
    .filter((w) => /^[a-z][a-z0-9-]*$/.test(w) && ['opener', 'noopener', 'noreferrer'].indexOf(w) < 0);
  const rel = ['noopener'].concat(keeps ? [] : ['noreferrer'], words)
    .filter((w, i, all) => all.indexOf(w) === i).join(' ');
  return { rel: rel, referrerPolicy: known ? policy : null };
}

// A link's attributes under the policy, for dom.js el(): a new tab, rel, referrerpolicy. A
// sponsored story's links say so (rel="sponsored"), whatever the policy.
export function linkAttributes(links, sponsored = false) {
  const rel = sponsored && links.rel.split(' ').indexOf('sponsored') < 0 ? links.rel + ' sponsored' : links.rel;
  return { target: '_blank', rel: rel, referrerpolicy: links.referrerPolicy };
}

// Opens `url` in a new tab as a link of the widget would: a link element of its own,
// never attached to the page, clicked — so rel and the referrer policy apply as they do to
// the mirror's links (window.open can say noreferrer but no other policy). Called inside
// the reader's own input event, as a popup must be.
export function openInNewTab(url, links, sponsored = false) {
  const a = document.createElement('a');
  Object.entries(linkAttributes(links, sponsored)).forEach(([k, v]) => { if (v != null) a.setAttribute(k, v); });
  a.href = url;
  a.click();
}
