// The console's one shared state, in memory only: nothing is written to localStorage or
// sessionStorage, so a closed tab leaves no token and no identity behind. Every module reads
// and writes this object rather than keeping copies, so a sign-out clears everything at once.

export const state = {
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

/** The views that show a referral queue (the rest are the case list and one case). */
export const QUEUE_VIEWS = ['inbox', 'sent', 'returned'];

export const isQueueView = (view) => QUEUE_VIEWS.includes(view);

/** Desk roles work the referral queues; other roles (e.g. auditors) only see cases. */
export const hasDeskRole = () =>
  state.session?.officer.roles.some((role) =>
    ['DESK_OFFICER', 'SUPERVISOR', 'INVESTIGATOR'].includes(role),
  );
