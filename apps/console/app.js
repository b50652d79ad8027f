// Simpul web console: plain ES modules, no framework, no bundler. Everything goes through the
// GraphQL API (POST /graphql with JSON; WebSocket /graphql with the graphql-transport-ws protocol).
// The session lives in memory only (state.js): nothing is written to localStorage or
// sessionStorage, and nothing is logged — identities shown on screen never leave the page.
//
// This module only wires the page: the language switch, the buttons and forms, and what a
// refreshed or expired session means. The gateway serves every file in this folder, one route
// each, so a new module needs no change there.

import { onSessionChange } from './api.js';
import { openCase, renderCase, renderCaseList } from './case-view.js';
import { renderChrome, showNotice } from './chrome.js';
import { $ } from './dom.js';
import { t } from './i18n.js';
import { restartLive } from './live.js';
import { show } from './navigation.js';
import { loadQueue, renderQueue } from './queue-view.js';
import { endSession, onLogin, onLogout } from './session.js';
import { hasDeskRole, isQueueView, state } from './state.js';

/** Sets every static text to the current language and re-renders what is on screen. */
function applyLanguage() {
  document.documentElement.lang = state.lang;
  for (const node of document.querySelectorAll('[data-i18n]')) {
    node.textContent = t(node.dataset.i18n);
  }
  const toggle = $('#lang-toggle');
  toggle.textContent = t('switchTo');
  toggle.lang = state.lang === 'id' ? 'en' : 'id';
  renderChrome();
  if (state.session) {
    if (isQueueView(state.view)) renderQueue();
    if (state.view === 'cases') renderCaseList();
    if (state.view === 'case') renderCase();
  }
}

// api.js cannot import live.js or session.js (both call it), so it is told here what to do.
onSessionChange({ refreshed: restartLive, expired: endSession });

$('#login-form').addEventListener('submit', onLogin);
$('#logout').addEventListener('click', onLogout);
$('#lang-toggle').addEventListener('click', () => {
  state.lang = state.lang === 'id' ? 'en' : 'id';
  applyLanguage();
});
$('#refresh').addEventListener('click', () => loadQueue());
$('#more').addEventListener('click', () => loadQueue(true));
$('#case-back').addEventListener('click', () => show(hasDeskRole() ? state.queue : 'cases'));
for (const tab of document.querySelectorAll('.tab')) {
  tab.addEventListener('click', () => {
    showNotice(null);
    show(tab.dataset.view);
  });
}
$('#case-lookup').addEventListener('submit', (event) => {
  event.preventDefault();
  const reference = $('#case-reference').value.trim();
  if (reference) openCase({ reference });
});
applyLanguage();
