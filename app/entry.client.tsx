import { RemixBrowser } from '@remix-run/react';
import { startTransition, StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RemixBrowser />
    </StrictMode>,
  );
});

// Public pages a resident opened stay readable offline (docs/decisions/099). Registered after
// the page is interactive so it never competes with the first load.
if ('serviceWorker' in navigator) {
  const register = () =>
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // no service worker (private window, blocked): the site works as before
    });
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
