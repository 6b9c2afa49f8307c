// What tsc --strict must refuse (package.test.mjs): the types are not `any`.
import { mount } from 'carta-carousel';
mount(document.body, { theme: 'purple' });
const el = document.createElement('carta-carousel');
el.loop = 'yes';
el.addEventListener('carta:change', (e) => { const n: string = e.detail.index; console.log(n); });
mount(document.body, { referrerPolicy: 'the-whole-url' });
import { renderHtml } from 'carta-carousel/html';
renderHtml('{}', { headingLevel: 7 });
