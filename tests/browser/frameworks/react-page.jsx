// A React 19 page with <carta-carousel>: its settings as properties (React 19 sets a custom
// element's property when it has one), its events by their dash names (oncarta-change).
import { useState } from 'react';
import { createRoot } from 'react-dom/client';

window.log = [];
function App() {
  const [theme, setTheme] = useState('light');
  window.setTheme = setTheme;
  return (
    <main>
      <h1>News</h1>
      <h2>From the Levant</h2>
      <carta-carousel id="carousel" feed="demo.json" loading="eager" height={420} headingLevel={3} theme={theme}
        oncarta-ready={(e) => window.log.push(['ready', e.detail.renderer])}
        oncarta-change={(e) => window.log.push(['change', e.detail.index, e.detail.cause])} />
    </main>
  );
}
createRoot(document.getElementById('app')).render(<App />);
