// Cases: the recent-case list, lookup by case number, and one case with its persons and the
// hash-chained handoff timeline. Identity fields arrive null unless the officer may see them.

import { CASES, CASE_BY_ID, CASE_BY_REFERENCE, gql } from './api.js';
import { showNotice, showSection } from './chrome.js';
import { $, clearChildren, el, formatTime } from './dom.js';
import { label, t } from './i18n.js';
import { state } from './state.js';

/** A case reference as a button that opens the case (used in the queues too). */
export function caseLink(summary) {
  const button = el('button', { type: 'button', class: 'link' }, summary.reference);
  button.addEventListener('click', () => openCase({ id: summary.id }));
  return button;
}

export async function loadCaseList() {
  try {
    const { cases } = await gql(CASES);
    state.caseList = cases.edges.map((edge) => edge.node);
  } catch (error) {
    state.caseList = [];
    if (state.session) showNotice(error.message, 'error');
  }
  renderCaseList();
}

export function renderCaseList() {
  const list = $('#case-list');
  clearChildren(list);
  if (state.caseList.length === 0) list.append(el('li', { class: 'muted' }, t('noCases')));
  for (const summary of state.caseList) {
    list.append(
      el(
        'li',
        {},
        caseLink(summary),
        ` — ${summary.title} `,
        el('span', { class: 'badge' }, summary.status === 'OPEN' ? t('caseOpen') : t('caseClosed')),
      ),
    );
  }
}

export async function openCase({ id, reference }) {
  try {
    const data = id ? await gql(CASE_BY_ID, { id }) : await gql(CASE_BY_REFERENCE, { reference });
    const found = id ? data.case : data.caseByReference;
    if (!found) {
      showNotice(t('caseNotFound', reference ?? id), 'error');
      return;
    }
    state.caseData = found;
    showNotice(null);
    showSection('case');
    renderCase();
    $('#case-title').focus();
  } catch (error) {
    if (error.code === 'NOT_FOUND') showNotice(t('caseNotFound', reference ?? id), 'error');
    else showNotice(error.message, 'error');
  }
}

export function renderCase() {
  const data = state.caseData;
  if (!data) return;
  const title = $('#case-title');
  title.textContent = t('caseTitle', data.reference);
  title.tabIndex = -1;
  const facts = $('#case-facts');
  clearChildren(facts);
  const fact = (name, value) => {
    if (value === null || value === undefined || value === '') return;
    facts.append(el('dt', {}, name), el('dd', {}, value));
  };
  fact(t('factTitle'), data.title);
  fact(t('factStatus'), data.status === 'OPEN' ? t('caseOpen') : t('caseClosed'));
  fact(t('factLeadUnit'), data.leadUnit.name);
  fact(
    t('factExploitation'),
    data.exploitationTypes.map((code) => label('exploitation', code)).join(', '),
  );
  fact(t('factRegion'), data.regionCode);
  fact(t('factOpenedAt'), formatTime(data.openedAt));

  const persons = $('#case-persons');
  clearChildren(persons);
  if (data.persons.length === 0) persons.append(el('li', { class: 'muted' }, t('noPersons')));
  for (const person of data.persons) {
    const details = el('dl', { class: 'facts' });
    const detail = (name, value) => {
      // Identity fields are null unless the caller may see them: then nothing is shown at all.
      if (value === null || value === undefined) return;
      details.append(el('dt', {}, name), el('dd', {}, value));
    };
    detail(t('fullName'), person.fullName);
    detail(t('nationalId'), person.nationalId);
    detail(t('passportNumber'), person.passportNumber);
    detail(t('birthDate'), person.birthDate);
    detail(t('phone'), person.phone);
    detail(t('sex'), label('sex', person.sex));
    persons.append(
      el(
        'li',
        {},
        el('strong', {}, person.label),
        person.isChild ? el('span', { class: 'badge child' }, t('child')) : null,
        details,
      ),
    );
  }

  const body = $('#timeline-table tbody');
  clearChildren(body);
  for (const entry of data.timeline) {
    body.append(
      el(
        'tr',
        { 'data-action': entry.action },
        el('td', {}, entry.seq),
        el('td', {}, el('time', { datetime: entry.at }, formatTime(entry.at))),
        el('td', {}, label('action', entry.action), el('br'), el('code', {}, entry.action)),
        el('td', {}, entry.actor ? entry.actor.displayName : el('em', {}, t('system'))),
        el('td', {}, entry.fromUnit?.name ?? ''),
        el('td', {}, entry.toUnit?.name ?? ''),
        el(
          'td',
          {},
          el('code', { class: 'hash', title: entry.entryHash }, entry.entryHash.slice(0, 16) + '…'),
        ),
      ),
    );
  }
}
