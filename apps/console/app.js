// Simpul web console: a plain ES module, no framework, no bundler. Everything goes through the
// GraphQL API (POST /graphql with JSON; WebSocket /graphql with the graphql-transport-ws protocol).
// The session lives in memory only: nothing is written to localStorage or sessionStorage, and
// nothing is logged — identities shown on screen never leave the page.

// ---------------------------------------------------------------------------------------------
// Language: Bahasa Indonesia by default, English on request (terms from the project glossary).
// ---------------------------------------------------------------------------------------------

const DICTIONARY = {
  id: {
    tagline: 'Simpul rujukan penanganan TPPO',
    switchTo: 'English',
    logout: 'Keluar',
    loginTitle: 'Masuk petugas',
    username: 'Nama pengguna',
    password: 'Kata sandi',
    login: 'Masuk',
    loginRequired: 'Isi nama pengguna dan kata sandi.',
    inbox: 'Kotak masuk',
    sent: 'Terkirim',
    returned: 'Dikembalikan',
    cases: 'Kasus',
    refresh: 'Muat ulang',
    more: 'Tampilkan lebih banyak',
    count: (n) => `${n} rujukan`,
    empty: 'Tidak ada rujukan.',
    colReference: 'Rujukan',
    colCase: 'Kasus',
    colFromUnit: 'Instansi pengirim',
    colToUnit: 'Instansi penerima',
    colStatus: 'Status',
    colPriority: 'Prioritas',
    colServices: 'Layanan',
    colSla: 'Tenggat',
    colDeadlines: 'Batas waktu',
    colDelivery: 'Pengiriman',
    colActions: 'Tindakan',
    acknowledgeBy: 'Batas tanda terima',
    acceptBy: 'Batas serah terima',
    acknowledge: 'Tanda terima',
    accept: 'Sanggupi',
    reject: 'Tolak',
    rejectReason: 'Alasan penolakan',
    chooseReason: 'Pilih alasan…',
    reasonRequired: 'Pilih alasan penolakan terlebih dahulu.',
    openCase: 'Buka kasus',
    caseReference: 'Nomor kasus',
    open: 'Buka',
    recentCases: 'Kasus terbaru',
    noCases: 'Belum ada kasus.',
    back: 'Kembali',
    persons: 'Korban / Terduga korban',
    noPersons: 'Tidak ada orang tercatat.',
    timeline: 'Jejak audit serah terima',
    colAt: 'Waktu',
    colAction: 'Peristiwa',
    colActor: 'Petugas',
    colFrom: 'Dari',
    colTo: 'Kepada',
    colHash: 'Hash entri',
    system: 'Sistem',
    caseTitle: (ref) => `Kasus ${ref}`,
    factTitle: 'Judul',
    factStatus: 'Status kasus',
    factLeadUnit: 'Satuan kerja utama',
    factExploitation: 'Jenis eksploitasi',
    factRegion: 'Daerah asal',
    factOpenedAt: 'Dibuka',
    caseOpen: 'Terbuka',
    caseClosed: 'Ditutup',
    caseNotFound: (ref) => `Kasus ${ref} tidak ditemukan atau tidak dapat Anda akses.`,
    fullName: 'Nama lengkap',
    nationalId: 'NIK',
    passportNumber: 'Nomor paspor',
    birthDate: 'Tanggal lahir',
    phone: 'Telepon',
    sex: 'Jenis kelamin',
    child: 'Anak',
    done: (ref, status) => `Rujukan ${ref}: ${status}.`,
    conflict: (ref) =>
      `Rujukan ${ref} telah berubah sementara itu oleh pihak lain; daftar dimuat ulang. Periksa statusnya lalu ulangi bila perlu.`,
    sessionEnded: 'Sesi berakhir. Silakan masuk kembali.',
    networkError: 'Tidak dapat menghubungi server Simpul.',
    liveOn: 'Langsung: tersambung',
    liveOff: 'Langsung: terputus',
    loggedInAs: (name, unit) => `${name} — ${unit}`,
  },
  en: {
    tagline: 'Anti-trafficking referral hub',
    switchTo: 'Bahasa Indonesia',
    logout: 'Sign out',
    loginTitle: 'Officer sign-in',
    username: 'Username',
    password: 'Password',
    login: 'Sign in',
    loginRequired: 'Enter your username and password.',
    inbox: 'Inbox',
    sent: 'Sent',
    returned: 'Returned',
    cases: 'Cases',
    refresh: 'Reload',
    more: 'Show more',
    count: (n) => `${n} referral${n === 1 ? '' : 's'}`,
    empty: 'No referrals.',
    colReference: 'Referral',
    colCase: 'Case',
    colFromUnit: 'Sending agency',
    colToUnit: 'Receiving agency',
    colStatus: 'Status',
    colPriority: 'Priority',
    colServices: 'Services',
    colSla: 'SLA',
    colDeadlines: 'Deadlines',
    colDelivery: 'Delivery',
    colActions: 'Actions',
    acknowledgeBy: 'Acknowledge by',
    acceptBy: 'Accept by',
    acknowledge: 'Acknowledge',
    accept: 'Accept',
    reject: 'Decline',
    rejectReason: 'Reason for declining',
    chooseReason: 'Choose a reason…',
    reasonRequired: 'Choose a reason for declining first.',
    openCase: 'Open case',
    caseReference: 'Case number',
    open: 'Open',
    recentCases: 'Recent cases',
    noCases: 'No cases yet.',
    back: 'Back',
    persons: 'Victims / Presumed victims',
    noPersons: 'No persons recorded.',
    timeline: 'Handoff audit trail',
    colAt: 'Time',
    colAction: 'Event',
    colActor: 'Officer',
    colFrom: 'From',
    colTo: 'To',
    colHash: 'Entry hash',
    system: 'System',
    caseTitle: (ref) => `Case ${ref}`,
    factTitle: 'Title',
    factStatus: 'Case status',
    factLeadUnit: 'Lead unit',
    factExploitation: 'Exploitation types',
    factRegion: 'Area of origin',
    factOpenedAt: 'Opened',
    caseOpen: 'Open',
    caseClosed: 'Closed',
    caseNotFound: (ref) => `Case ${ref} was not found or is not accessible to you.`,
    fullName: 'Full name',
    nationalId: 'National ID (NIK)',
    passportNumber: 'Passport number',
    birthDate: 'Date of birth',
    phone: 'Phone',
    sex: 'Sex',
    child: 'Child',
    done: (ref, status) => `Referral ${ref}: ${status}.`,
    conflict: (ref) =>
      `Referral ${ref} was changed meanwhile by someone else; the list has been reloaded. Check its status and try again if needed.`,
    sessionEnded: 'Your session has ended. Please sign in again.',
    networkError: 'Cannot reach the Simpul server.',
    liveOn: 'Live: connected',
    liveOff: 'Live: disconnected',
    loggedInAs: (name, unit) => `${name} — ${unit}`,
  },
};

const ENUMS = {
  id: {
    status: {
      REQUESTED: 'Dikirim',
      RECEIVED: 'Diterima',
      ACCEPTED: 'Disanggupi',
      REJECTED: 'Ditolak',
      REDIRECTED: 'Dialihkan',
      IN_PROGRESS: 'Sedang ditangani',
      ON_HOLD: 'Ditunda',
      COMPLETED: 'Selesai',
      CANCELLED: 'Dibatalkan',
      FAILED: 'Gagal',
    },
    priority: { EMERGENCY: 'Darurat', URGENT: 'Segera', ROUTINE: 'Biasa' },
    sla: {
      ON_TRACK: 'Sesuai jadwal',
      AT_RISK: 'Hampir terlambat',
      BREACHED: 'Terlambat',
      MET: 'Tepat waktu',
      PAUSED: 'Dijeda',
    },
    delivery: { PENDING: 'Dalam pengiriman', DELIVERED: 'Sampai', FAILED: 'Gagal terkirim' },
    service: {
      REPATRIATION: 'Pemulangan',
      EVACUATION: 'Evakuasi',
      SHELTER: 'Rumah aman / Penampungan sementara',
      MEDICAL: 'Rehabilitasi kesehatan',
      PSYCHOSOCIAL: 'Pemulihan psikososial',
      LEGAL_AID: 'Bantuan hukum / Pendampingan',
      INVESTIGATION: 'Penyidikan',
      WITNESS_PROTECTION: 'Perlindungan saksi dan korban',
      RESTITUTION: 'Restitusi',
      DOCUMENTATION: 'Dokumen pengganti',
      FAMILY_TRACING: 'Penelusuran keluarga',
      REINTEGRATION: 'Reintegrasi sosial',
      ECONOMIC_EMPOWERMENT: 'Pemberdayaan ekonomi',
      IDENTIFICATION: 'Identifikasi',
      OTHER: 'Lainnya',
    },
    reason: {
      NOT_MANDATE: 'Bukan kewenangan',
      WRONG_REGION: 'Salah wilayah',
      NO_CAPACITY: 'Kapasitas penuh',
      INSUFFICIENT_INFORMATION: 'Informasi kurang',
      DUPLICATE: 'Duplikat',
      OTHER: 'Lainnya',
    },
    exploitation: {
      FORCED_LABOUR: 'Kerja paksa',
      SEXUAL_EXPLOITATION: 'Eksploitasi seksual',
      ONLINE_SCAM: 'Penipuan daring (online scam)',
      FISHING_CREW: 'Anak buah kapal (ABK)',
      FORCED_MARRIAGE: 'Pengantin pesanan',
      ORGAN_REMOVAL: 'Pengambilan organ',
      CHILD_EXPLOITATION: 'Eksploitasi anak',
      DOMESTIC_SERVITUDE: 'Perbudakan rumah tangga',
      FORCED_CRIMINALITY: 'Dipaksa melakukan kejahatan',
      OTHER: 'Lainnya',
      UNKNOWN: 'Belum diketahui',
    },
    sex: { FEMALE: 'Perempuan', MALE: 'Laki-laki', UNKNOWN: 'Tidak diketahui' },
    action: {
      CASE_OPENED: 'Kasus dibuka',
      CASE_CLOSED: 'Kasus ditutup',
      PERSON_ADDED: 'Korban ditambahkan',
      PERSON_UPDATED: 'Data korban diperbarui',
      POLICE_NOTES_UPDATED: 'Catatan kepolisian diperbarui',
      REFERRAL_SENT: 'Rujukan dikirim',
      REFERRAL_DELIVERED: 'Rujukan sampai di kotak masuk',
      REFERRAL_RECEIVED: 'Tanda terima rujukan',
      REFERRAL_ACCEPTED: 'Rujukan disanggupi (serah terima)',
      REFERRAL_REJECTED: 'Rujukan ditolak',
      REFERRAL_REDIRECTED: 'Rujukan dialihkan',
      REFERRAL_STARTED: 'Rujukan mulai ditangani',
      REFERRAL_HELD: 'Rujukan ditunda',
      REFERRAL_RESUMED: 'Penanganan dilanjutkan',
      REFERRAL_COMPLETED: 'Rujukan selesai',
      REFERRAL_FAILED: 'Rujukan gagal',
      REFERRAL_CANCELLED: 'Rujukan dibatalkan',
      REFERRAL_ESCALATED: 'Eskalasi',
      ALERT_RAISED: 'Peringatan dikeluarkan',
      ALERT_DELIVERED: 'Peringatan sampai',
      ALERT_ACKNOWLEDGED: 'Peringatan diterima',
      ALERT_ESCALATED: 'Eskalasi peringatan',
      ALERT_RESOLVED: 'Peringatan diselesaikan',
      ALERT_DISMISSED: 'Peringatan diabaikan',
      AGENCY_CREATED: 'Instansi dibuat',
      AGENCY_UPDATED: 'Instansi diperbarui',
      UNIT_CREATED: 'Satuan kerja dibuat',
      UNIT_UPDATED: 'Satuan kerja diperbarui',
      OFFICER_CREATED: 'Petugas dibuat',
      OFFICER_UPDATED: 'Petugas diperbarui',
      OFFICER_DEACTIVATED: 'Petugas dinonaktifkan',
      OFFICER_REACTIVATED: 'Petugas diaktifkan kembali',
      OFFICER_PASSWORD_RESET: 'Kata sandi petugas diatur ulang',
    },
  },
  en: {
    status: {
      REQUESTED: 'Sent',
      RECEIVED: 'Received',
      ACCEPTED: 'Accepted',
      REJECTED: 'Declined',
      REDIRECTED: 'Redirected',
      IN_PROGRESS: 'In progress',
      ON_HOLD: 'On hold',
      COMPLETED: 'Completed',
      CANCELLED: 'Cancelled',
      FAILED: 'Failed',
    },
    priority: { EMERGENCY: 'Emergency', URGENT: 'Urgent', ROUTINE: 'Routine' },
    sla: {
      ON_TRACK: 'On track',
      AT_RISK: 'At risk',
      BREACHED: 'Breached',
      MET: 'Met',
      PAUSED: 'Paused',
    },
    delivery: { PENDING: 'Pending', DELIVERED: 'Delivered', FAILED: 'Delivery failed' },
    service: {
      REPATRIATION: 'Repatriation',
      EVACUATION: 'Evacuation / rescue',
      SHELTER: 'Safe house / Temporary shelter',
      MEDICAL: 'Medical rehabilitation',
      PSYCHOSOCIAL: 'Psychosocial recovery',
      LEGAL_AID: 'Legal aid / Accompaniment',
      INVESTIGATION: 'Investigation',
      WITNESS_PROTECTION: 'Witness and victim protection',
      RESTITUTION: 'Restitution',
      DOCUMENTATION: 'Replacement documents',
      FAMILY_TRACING: 'Family tracing',
      REINTEGRATION: 'Social reintegration',
      ECONOMIC_EMPOWERMENT: 'Economic empowerment',
      IDENTIFICATION: 'Identification',
      OTHER: 'Other',
    },
    reason: {
      NOT_MANDATE: 'Not our mandate',
      WRONG_REGION: 'Wrong region',
      NO_CAPACITY: 'No capacity',
      INSUFFICIENT_INFORMATION: 'Insufficient information',
      DUPLICATE: 'Duplicate',
      OTHER: 'Other',
    },
    exploitation: {
      FORCED_LABOUR: 'Forced labour',
      SEXUAL_EXPLOITATION: 'Sexual exploitation',
      ONLINE_SCAM: 'Online scam (forced)',
      FISHING_CREW: 'Fishing crew',
      FORCED_MARRIAGE: 'Order bride',
      ORGAN_REMOVAL: 'Organ removal',
      CHILD_EXPLOITATION: 'Child exploitation',
      DOMESTIC_SERVITUDE: 'Domestic servitude',
      FORCED_CRIMINALITY: 'Forced criminality',
      OTHER: 'Other',
      UNKNOWN: 'Unknown',
    },
    sex: { FEMALE: 'Female', MALE: 'Male', UNKNOWN: 'Unknown' },
    action: {
      CASE_OPENED: 'Case opened',
      CASE_CLOSED: 'Case closed',
      PERSON_ADDED: 'Person added',
      PERSON_UPDATED: 'Person updated',
      POLICE_NOTES_UPDATED: 'Police notes updated',
      REFERRAL_SENT: 'Referral sent',
      REFERRAL_DELIVERED: 'Referral delivered to the inbox',
      REFERRAL_RECEIVED: 'Referral acknowledged',
      REFERRAL_ACCEPTED: 'Referral accepted (handoff)',
      REFERRAL_REJECTED: 'Referral declined',
      REFERRAL_REDIRECTED: 'Referral redirected',
      REFERRAL_STARTED: 'Referral in progress',
      REFERRAL_HELD: 'Referral on hold',
      REFERRAL_RESUMED: 'Referral resumed',
      REFERRAL_COMPLETED: 'Referral completed',
      REFERRAL_FAILED: 'Referral failed',
      REFERRAL_CANCELLED: 'Referral cancelled',
      REFERRAL_ESCALATED: 'Escalation',
      ALERT_RAISED: 'Alert raised',
      ALERT_DELIVERED: 'Alert delivered',
      ALERT_ACKNOWLEDGED: 'Alert acknowledged',
      ALERT_ESCALATED: 'Alert escalated',
      ALERT_RESOLVED: 'Alert resolved',
      ALERT_DISMISSED: 'Alert dismissed',
      AGENCY_CREATED: 'Agency created',
      AGENCY_UPDATED: 'Agency updated',
      UNIT_CREATED: 'Work unit created',
      UNIT_UPDATED: 'Work unit updated',
      OFFICER_CREATED: 'Officer created',
      OFFICER_UPDATED: 'Officer updated',
      OFFICER_DEACTIVATED: 'Officer deactivated',
      OFFICER_REACTIVATED: 'Officer reactivated',
      OFFICER_PASSWORD_RESET: 'Officer password reset',
    },
  },
};

const LOCALES = { id: 'id-ID', en: 'en-GB' };

// ---------------------------------------------------------------------------------------------
// State (memory only)
// ---------------------------------------------------------------------------------------------

const state = {
  lang: 'id',
  /** { accessToken, refreshToken, officer } while signed in */
  session: null,
  /** 'inbox' | 'sent' | 'returned' | 'cases' | 'case' */
  view: 'inbox',
  /** the queue last shown, so that 'back' and live events know what to reload */
  queue: 'inbox',
  /** the last rows and case, kept to re-render on a language switch */
  rows: [],
  total: 0,
  /** pageInfo of the last page loaded */
  page: null,
  caseData: null,
  caseList: [],
  notice: null,
  live: null,
};

const $ = (selector) => document.querySelector(selector);
const t = (key, ...args) => {
  const value = DICTIONARY[state.lang][key];
  return typeof value === 'function' ? value(...args) : value;
};
const label = (kind, code) => ENUMS[state.lang][kind][code] ?? code;

/** An element with attributes and children (strings become text nodes: never HTML). */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function formatTime(iso) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(LOCALES[state.lang], {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

// ---------------------------------------------------------------------------------------------
// GraphQL over HTTP
// ---------------------------------------------------------------------------------------------

class GraphqlError extends Error {
  constructor(errors) {
    super(errors.map((e) => e.message).join('; '));
    this.code = errors[0]?.extensions?.code;
  }
}

async function post(query, variables, token) {
  let response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new GraphqlError([{ message: t('networkError'), extensions: { code: 'NETWORK' } }]);
  }
  let body;
  try {
    body = await response.json();
  } catch {
    throw new GraphqlError([{ message: `HTTP ${response.status}` }]);
  }
  if (body.errors?.length) throw new GraphqlError(body.errors);
  return body.data;
}

const REFRESH = `mutation Refresh($refreshToken: String!) {
  refreshSession(refreshToken: $refreshToken) { accessToken refreshToken }
}`;

/** One operation with the officer's token; an expired token is refreshed once, then retried. */
async function gql(query, variables = {}) {
  if (!state.session) throw new GraphqlError([{ message: t('sessionEnded') }]);
  try {
    return await post(query, variables, state.session.accessToken);
  } catch (error) {
    if (error.code !== 'UNAUTHENTICATED') throw error;
    if (state.session?.refreshToken) {
      try {
        const { refreshSession } = await post(REFRESH, {
          refreshToken: state.session.refreshToken,
        });
        state.session.accessToken = refreshSession.accessToken;
        state.session.refreshToken = refreshSession.refreshToken;
        restartLive();
        return await post(query, variables, state.session.accessToken);
      } catch {
        // fall through: the session is over
      }
    }
    endSession(t('sessionEnded'));
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Operations
// ---------------------------------------------------------------------------------------------

const LOGIN = `mutation Login($username: String!, $password: String!) {
  login(username: $username, password: $password) {
    accessToken refreshToken
    officer { displayName username roles unit { name code } }
  }
}`;
const LOGOUT = 'mutation Logout { logout }';

const REFERRAL_FIELDS = `id reference status priority services sla delivery version
  acknowledgeBy acceptBy rejectionReason
  case { id reference title } fromUnit { name code } toUnit { name code }`;
/** A page of 30: the gateway's cost limit counts `first` times the fields of a referral. */
const PAGE = 30;
const PAGE_FIELDS = `totalCount pageInfo { hasNextPage endCursor } edges { node { ${REFERRAL_FIELDS} } }`;
const QUEUES = {
  inbox: `query Inbox($after: String) { inbox(first: ${PAGE}, after: $after) { ${PAGE_FIELDS} } }`,
  sent: `query Sent($after: String) { sent(first: ${PAGE}, after: $after) { ${PAGE_FIELDS} } }`,
  returned: `query Returned($after: String) {
    sent(first: ${PAGE}, after: $after, status: [REJECTED]) { ${PAGE_FIELDS} }
  }`,
};
const TRANSITIONS = {
  acknowledge: `mutation Acknowledge($id: ID!, $expectedVersion: Int) {
    acknowledgeReferral(id: $id, expectedVersion: $expectedVersion) { id reference status version }
  }`,
  accept: `mutation Accept($id: ID!, $expectedVersion: Int) {
    acceptReferral(id: $id, expectedVersion: $expectedVersion) { id reference status version }
  }`,
  reject: `mutation Reject($id: ID!, $expectedVersion: Int, $reason: RejectionReason!) {
    rejectReferral(id: $id, expectedVersion: $expectedVersion, reason: $reason) {
      id reference status version
    }
  }`,
};
const CASE_FIELDS = `id reference title status openedAt regionCode exploitationTypes
  leadUnit { name }
  persons { id label sex isChild fullName nationalId passportNumber birthDate phone }
  timeline { seq at action actor { displayName } fromUnit { name } toUnit { name } entryHash }`;
const CASE_BY_ID = `query CaseById($id: ID!) { case(id: $id) { ${CASE_FIELDS} } }`;
const CASE_BY_REFERENCE = `query CaseByReference($reference: String!) {
  caseByReference(reference: $reference) { ${CASE_FIELDS} }
}`;
const CASES = `query Cases { cases(first: 20) { edges { node { id reference title status } } } }`;

// ---------------------------------------------------------------------------------------------
// Notices
// ---------------------------------------------------------------------------------------------

function showNotice(text, kind = 'info') {
  state.notice = text ? { text, kind } : null;
  const notice = $('#notice');
  notice.hidden = !text;
  notice.textContent = text ?? '';
  notice.dataset.kind = kind;
}

// ---------------------------------------------------------------------------------------------
// Sign-in
// ---------------------------------------------------------------------------------------------

const hasDeskRole = () =>
  state.session?.officer.roles.some((role) =>
    ['DESK_OFFICER', 'SUPERVISOR', 'INVESTIGATOR'].includes(role),
  );

async function onLogin(event) {
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

async function onLogout() {
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

function endSession(message) {
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

function clearChildren(node) {
  while (node.firstChild) node.firstChild.remove();
}

// ---------------------------------------------------------------------------------------------
// Views
// ---------------------------------------------------------------------------------------------

function renderChrome() {
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

async function show(view) {
  state.view = view;
  if (['inbox', 'sent', 'returned'].includes(view)) state.queue = view;
  $('#queue-view').hidden = !['inbox', 'sent', 'returned'].includes(view);
  $('#cases-view').hidden = view !== 'cases';
  $('#case-view').hidden = view !== 'case';
  renderChrome();
  if (view === 'cases') await loadCaseList();
  else if (view !== 'case') await loadQueue();
}

/** Loads the current queue from its first page; `more` appends the next page instead. */
async function loadQueue(more = false) {
  const queue = state.queue;
  try {
    const after = more ? state.page?.endCursor : undefined;
    const data = await gql(QUEUES[queue], after ? { after } : {});
    const connection = queue === 'inbox' ? data.inbox : data.sent;
    if (state.queue !== queue) return;
    const rows = connection.edges.map((edge) => edge.node);
    state.rows = more ? [...state.rows, ...rows] : rows;
    state.total = connection.totalCount;
    state.page = connection.pageInfo;
    renderQueue();
  } catch (error) {
    if (state.session) showNotice(error.message, 'error');
  }
}

function renderQueue() {
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

function caseLink(summary) {
  const button = el('button', { type: 'button', class: 'link' }, summary.reference);
  button.addEventListener('click', () => openCase({ id: summary.id }));
  return button;
}

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

// ---------------------------------------------------------------------------------------------
// Cases
// ---------------------------------------------------------------------------------------------

async function loadCaseList() {
  try {
    const { cases } = await gql(CASES);
    state.caseList = cases.edges.map((edge) => edge.node);
  } catch (error) {
    state.caseList = [];
    if (state.session) showNotice(error.message, 'error');
  }
  renderCaseList();
}

function renderCaseList() {
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

async function openCase({ id, reference }) {
  try {
    const data = id ? await gql(CASE_BY_ID, { id }) : await gql(CASE_BY_REFERENCE, { reference });
    const found = id ? data.case : data.caseByReference;
    if (!found) {
      showNotice(t('caseNotFound', reference ?? id), 'error');
      return;
    }
    state.caseData = found;
    showNotice(null);
    await show('case');
    renderCase();
    $('#case-title').focus();
  } catch (error) {
    if (error.code === 'NOT_FOUND') showNotice(t('caseNotFound', reference ?? id), 'error');
    else showNotice(error.message, 'error');
  }
}

function renderCase() {
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

// ---------------------------------------------------------------------------------------------
// Live: graphql-transport-ws by hand (https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md)
// ---------------------------------------------------------------------------------------------

function startLive() {
  stopLive();
  if (!state.session) return;
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
  const socket = new WebSocket(url, 'graphql-transport-ws');
  const live = { socket, connected: false, retry: null, refreshTimer: null };
  state.live = live;
  socket.addEventListener('open', () => {
    socket.send(
      JSON.stringify({
        type: 'connection_init',
        payload: { authorization: `Bearer ${state.session?.accessToken ?? ''}` },
      }),
    );
  });
  socket.addEventListener('message', (message) => {
    let frame;
    try {
      frame = JSON.parse(message.data);
    } catch {
      return;
    }
    if (frame.type === 'connection_ack') {
      live.connected = true;
      renderLive();
      socket.send(
        JSON.stringify({
          id: 'unit-events',
          type: 'subscribe',
          payload: { query: 'subscription UnitEvents { unitEvents { seq action } }' },
        }),
      );
    } else if (frame.type === 'ping') {
      socket.send(JSON.stringify({ type: 'pong' }));
    } else if (frame.type === 'next') {
      // Several events often arrive together (sent, delivered…): one reload for all of them.
      clearTimeout(live.refreshTimer);
      live.refreshTimer = setTimeout(onLiveEvent, 300);
    }
  });
  socket.addEventListener('close', (event) => {
    live.connected = false;
    renderLive();
    if (state.live !== live || !state.session) return;
    // 4401: the token expired; any API call refreshes it (and restarts this). Else retry later.
    if (event.code === 4401) {
      gql('query Me { me { username } }').catch(() => {});
      return;
    }
    live.retry = setTimeout(startLive, 5_000);
  });
}

function stopLive() {
  const live = state.live;
  state.live = null;
  if (!live) return;
  clearTimeout(live.retry);
  clearTimeout(live.refreshTimer);
  if (live.socket.readyState <= WebSocket.OPEN) live.socket.close(1000, 'bye');
}

function restartLive() {
  if (state.session) startLive();
}

function onLiveEvent() {
  if (!state.session) return;
  if (['inbox', 'sent', 'returned'].includes(state.view)) loadQueue();
}

function renderLive() {
  const indicator = $('#live');
  const on = Boolean(state.live?.connected);
  indicator.dataset.state = on ? 'on' : 'off';
  indicator.textContent = state.session ? t(on ? 'liveOn' : 'liveOff') : '';
}

// ---------------------------------------------------------------------------------------------
// Language switch
// ---------------------------------------------------------------------------------------------

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
    if (['inbox', 'sent', 'returned'].includes(state.view)) renderQueue();
    if (state.view === 'cases') renderCaseList();
    if (state.view === 'case') renderCase();
  }
}

// ---------------------------------------------------------------------------------------------
// Wiring
// ---------------------------------------------------------------------------------------------

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
