// The page around the views: sign-in form or app, who is signed in, the tabs, the notice line,
// the live indicator, and which section is visible. Views call into this module; it never
// calls a view, so switching sections here cannot trigger a load.

import { $ } from './dom.js';
import { t } from './i18n.js';
import { hasDeskRole, isQueueView, state } from './state.js';

/** One status line for the outcome of the last action; `null` hides it. */
export function showNotice(text, kind = 'info') {
  state.notice = text ? { text, kind } : null;
  const notice = $('#notice');
  notice.hidden = !text;
  notice.textContent = text ?? '';
  notice.dataset.kind = kind;
}

export function renderChrome() {
  const signedIn = Boolean(state.session);
  $('#login-view').hidden = signedIn;
  $('#app-view').hidden = !signedIn;
  $('#logout').hidden = !signedIn;
  const whoami = $('#whoami');
  whoami.hidden = !signedIn;
  whoami.textContent = signedIn
    ? t('loggedInAs', state.session.officer.displayName, state.session.officer.unit.name)
    : '';
  for (const tab of document.querySelectorAll('[data-desk]')) tab.hidden = !hasDeskRole();
  for (const tab of document.querySelectorAll('.tab')) {
    const current =
      tab.dataset.view === state.view || (state.view === 'case' && tab.dataset.view === 'cases');
    if (current) tab.setAttribute('aria-current', 'page');
    else tab.removeAttribute('aria-current');
  }
  renderLive();
  if (!signedIn) $('#username').focus();
}

/** The live indicator, from state.live (which live.js keeps up to date). */
export function renderLive() {
  const indicator = $('#live');
  const on = Boolean(state.live?.connected);
  indicator.dataset.state = on ? 'on' : 'off';
  indicator.textContent = state.session ? t(on ? 'liveOn' : 'liveOff') : '';
}

/**
 * Makes `view` the current view and shows its section, without loading anything: loading is
 * navigation.js's show(). Opening a case uses this directly, having loaded the case itself.
 */
export function showSection(view) {
  state.view = view;
  if (isQueueView(view)) state.queue = view;
  $('#queue-view').hidden = !isQueueView(view);
  $('#cases-view').hidden = view !== 'cases';
  $('#case-view').hidden = view !== 'case';
  renderChrome();
}
