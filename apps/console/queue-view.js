// The referral queues (Kotak masuk, Terkirim, Dikembalikan): one table, paged, with the
// receiving desk's actions (acknowledge, accept, decline with a coded reason) in the inbox.

import { QUEUES, TRANSITIONS, gql } from './api.js';
import { caseLink } from './case-view.js';
import { showNotice } from './chrome.js';
import { $, clearChildren, el, formatTime } from './dom.js';
import { ENUMS } from './i18n-enums.js';
import { label, t } from './i18n.js';
import { state } from './state.js';

/** Numbers the loads, so that only the latest one renders. */
let loads = 0;

/**
 * Loads the current queue from its first page; `more` appends the next page instead. A load that
 * a later one overtook is dropped: a live event's reload that started before an action must not
 * paint the row as it was before it.
 */
export async function loadQueue(more = false) {
  const queue = state.queue;
  const load = ++loads;
  try {
    const after = more ? state.page?.endCursor : undefined;
    const data = await gql(QUEUES[queue], after ? { after } : {});
    const connection = queue === 'inbox' ? data.inbox : data.sent;
    if (state.queue !== queue || load !== loads) return;
    const rows = connection.edges.map((edge) => edge.node);
    state.rows = more ? [...state.rows, ...rows] : rows;
    state.total = connection.totalCount;
    state.page = connection.pageInfo;
    renderQueue();
  } catch (error) {
    if (state.session) showNotice(error.message, 'error');
  }
}

export function renderQueue() {
  const queue = state.queue;
  $('#queue-title').textContent = t(queue);
  $('#queue-count').textContent = t('count', state.total ?? state.rows.length);
  $('#more').hidden = !state.page?.hasNextPage;
  $('#col-counterpart').textContent = queue === 'inbox' ? t('colFromUnit') : t('colToUnit');
  const body = $('#queue-table tbody');
  clearChildren(body);
  if (state.rows.length === 0) {
    body.append(el('tr', {}, el('td', { colspan: 10, class: 'muted' }, t('empty'))));
    return;
  }
  for (const referral of state.rows) body.append(queueRow(referral, queue));
}

function queueRow(referral, queue) {
  const counterpart = queue === 'inbox' ? referral.fromUnit : referral.toUnit;
  const status = el(
    'span',
    { class: `badge status-${referral.status.toLowerCase()}` },
    label('status', referral.status),
  );
  const statusCell = el('td', { 'data-col': 'status' }, status);
  if (referral.rejectionReason) {
    statusCell.append(
      el('br'),
      el('small', {}, `${t('rejectReason')}: ${label('reason', referral.rejectionReason)}`),
    );
  }
  return el(
    'tr',
    { 'data-reference': referral.reference },
    el('th', { scope: 'row' }, referral.reference),
    el('td', {}, caseLink(referral.case), el('br'), el('small', {}, referral.case.title)),
    el('td', {}, counterpart.name),
    statusCell,
    el(
      'td',
      {},
      el(
        'span',
        { class: `badge priority-${referral.priority.toLowerCase()}` },
        label('priority', referral.priority),
      ),
    ),
    el('td', {}, referral.services.map((service) => label('service', service)).join(', ')),
    el(
      'td',
      {},
      el('span', { class: `badge sla-${referral.sla.toLowerCase()}` }, label('sla', referral.sla)),
    ),
    el(
      'td',
      {},
      el(
        'dl',
        { class: 'deadlines' },
        el('dt', {}, t('acknowledgeBy')),
        el(
          'dd',
          {},
          el('time', { datetime: referral.acknowledgeBy }, formatTime(referral.acknowledgeBy)),
        ),
        el('dt', {}, t('acceptBy')),
        el('dd', {}, el('time', { datetime: referral.acceptBy }, formatTime(referral.acceptBy))),
      ),
    ),
    el('td', {}, label('delivery', referral.delivery)),
    el(
      'td',
      {},
      el('div', { class: 'actions' }, queue === 'inbox' ? inboxActions(referral) : null),
    ),
  );
}

/** The receiving desk's actions on a referral still waiting for a handoff decision. */
function inboxActions(referral) {
  const open = ['REQUESTED', 'RECEIVED'].includes(referral.status);
  if (!open) return null;
  const actions = [];
  if (referral.status === 'REQUESTED') {
    actions.push(actionButton(t('acknowledge'), () => transition('acknowledge', referral)));
  }
  actions.push(actionButton(t('accept'), () => transition('accept', referral)));
  const selectId = `reason-${referral.id}`;
  const select = el(
    'select',
    { id: selectId },
    el('option', { value: '' }, t('chooseReason')),
    Object.keys(ENUMS.id.reason).map((code) =>
      el('option', { value: code }, label('reason', code)),
    ),
  );
  const reject = actionButton(t('reject'), () => {
    if (!select.value) {
      showNotice(t('reasonRequired'), 'error');
      select.focus();
      return;
    }
    return transition('reject', referral, { reason: select.value });
  });
  reject.classList.add('danger');
  actions.push(
    el(
      'span',
      { class: 'reject' },
      el('label', { for: selectId, class: 'visually-hidden' }, t('rejectReason')),
      select,
      reject,
    ),
  );
  return actions;
}

/** A button disabled while its action runs, so a double click cannot send it twice. */
function actionButton(text, onClick) {
  const button = el('button', { type: 'button' }, text);
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await onClick();
    } finally {
      button.disabled = false;
    }
  });
  return button;
}

/**
 * Moves a referral on at the version shown; a CONFLICT means someone else moved it first. The
 * queue is reloaded either way, so the row shows the referral's real status afterwards.
 */
async function transition(kind, referral, extra = {}) {
  try {
    const data = await gql(TRANSITIONS[kind], {
      id: referral.id,
      expectedVersion: referral.version,
      ...extra,
    });
    const updated = Object.values(data)[0];
    showNotice(t('done', updated.reference, label('status', updated.status)), 'ok');
  } catch (error) {
    if (error.code === 'CONFLICT') showNotice(t('conflict', referral.reference), 'error');
    else showNotice(error.message, 'error');
  }
  await loadQueue();
}
