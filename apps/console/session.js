// Signing in and out. The session (tokens and the officer) lives only in state.session; ending
// it also drops every row and case on screen, so nothing stays visible after a sign-out.

import { LOGIN, LOGOUT, post } from './api.js';
import { renderChrome, showNotice } from './chrome.js';
import { $, clearChildren } from './dom.js';
import { t } from './i18n.js';
import { startLive, stopLive } from './live.js';
import { show } from './navigation.js';
import { hasDeskRole, state } from './state.js';

export async function onLogin(event) {
  event.preventDefault();
  const error = $('#login-error');
  error.hidden = true;
  const username = $('#username').value.trim();
  const password = $('#password').value;
  if (!username || !password) {
    error.textContent = t('loginRequired');
    error.hidden = false;
    return;
  }
  try {
    const { login } = await post(LOGIN, { username, password });
    state.session = {
      accessToken: login.accessToken,
      refreshToken: login.refreshToken,
      officer: login.officer,
    };
  } catch (failure) {
    error.textContent = failure.message;
    error.hidden = false;
    return;
  } finally {
    $('#password').value = '';
  }
  $('#login-form').reset();
  showNotice(null);
  renderChrome();
  startLive();
  await show(hasDeskRole() ? 'inbox' : 'cases');
}

export async function onLogout() {
  const token = state.session?.accessToken;
  if (token) {
    try {
      await post(LOGOUT, {}, token);
    } catch {
      // the token may have expired already: either way the session is over here
    }
  }
  endSession(null);
}

/** Ends the session here (the server's is ended by logout, or has expired): `message` says why. */
export function endSession(message) {
  stopLive();
  state.session = null;
  state.rows = [];
  state.total = 0;
  state.page = null;
  state.caseData = null;
  state.caseList = [];
  clearChildren($('#queue-table tbody'));
  clearChildren($('#case-persons'));
  clearChildren($('#case-facts'));
  clearChildren($('#timeline-table tbody'));
  clearChildren($('#case-list'));
  showNotice(message, 'error');
  renderChrome();
}
