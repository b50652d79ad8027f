// Simpul console service worker (template: scripts/build-console.mjs fills in this build's files).
// It keeps the app shell — index.html and the hashed scripts and styles — so that a repeat visit
// opens at once, even offline. Pages are answered from the cache and refreshed in the background
// (stale-while-revalidate); hashed assets never change, so the cache answers them for good.
// /graphql and /health are never cached: referral data and identities stay out of the cache.
const VERSION = '__SHELL_VERSION__';
const SHELL = '__SHELL_FILES__';
const CACHE = `simpul-shell-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(SHELL))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((k) => k.startsWith('simpul-shell-') && k !== CACHE)
            .map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (
    url.pathname.startsWith('/graphql') ||
    url.pathname.startsWith('/health') ||
    url.pathname.startsWith('/metrics')
  )
    return;

  if (request.mode === 'navigate') {
    // Every client route is the same index.html.
    event.respondWith(
      caches.open(CACHE).then(async (cache) => {
        const cached = await cache.match('/');
        const fresh = fetch(request)
          .then((response) => {
            if (response.ok) void cache.put('/', response.clone());
            return response;
          })
          .catch(() => undefined);
        if (cached) {
          event.waitUntil(fresh);
          return cached;
        }
        return (await fresh) ?? Response.error();
      }),
    );
    return;
  }

  if (url.pathname.startsWith('/assets/') || SHELL.includes(url.pathname)) {
    event.respondWith(caches.match(request).then((cached) => cached ?? fetch(request)));
  }
});
