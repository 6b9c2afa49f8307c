// A Vue 3 page with <carta-carousel>, written as a render function (the page's CSP allows no
// runtime template compiler): settings as DOM properties (Vue sets a property the element
// has), events as onCartaReady / onCartaChange, which Vue listens to as carta-ready / carta-change.
import { createApp, h, ref } from './vue.js';

window.log = [];
createApp({
  setup() {
    const theme = ref('light');
    window.setTheme = (t) => { theme.value = t; };
    return () => h('main', [
      h('h1', 'News'),
      h('h2', 'From the Levant'),
      h('carta-carousel', {
        id: 'carousel', feed: 'demo.json', loading: 'eager', height: 420, headingLevel: 3, theme: theme.value,
        onCartaReady: (e) => window.log.push(['ready', e.detail.renderer]),
        onCartaChange: (e) => window.log.push(['change', e.detail.index, e.detail.cause]),
      }),
    ]);
  },
}).mount('#app');
