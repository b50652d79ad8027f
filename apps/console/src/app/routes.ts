/**
 * The console's client-side routes. The gateway answers each of these paths (and any path under
 * them) with index.html, so a reload or a shared link opens the right screen; its copy of this
 * list is checked against this one by a unit test.
 */
export const CLIENT_ROUTE_PREFIXES = [
  '/kotak-masuk',
  '/terkirim',
  '/dikembalikan',
  '/rujukan',
  '/kasus',
  '/instansi',
  '/audit',
  '/peringatan',
  '/statistik',
  '/terlambat',
  '/pengaturan',
] as const;

export type Route =
  | { name: 'home' }
  | { name: 'inbox' }
  | { name: 'sent' }
  | { name: 'returned' }
  | { name: 'referral'; id: string }
  | { name: 'cases' }
  | { name: 'newCase' }
  | { name: 'case'; id: string }
  | { name: 'compose'; caseId: string; from: string | null }
  | { name: 'agency' }
  | { name: 'audit' }
  | { name: 'auditCase'; id: string }
  | { name: 'alerts' }
  | { name: 'alert'; id: string }
  | { name: 'raiseAlert'; caseId: string | null }
  | { name: 'statistics' }
  | { name: 'overdue' }
  | { name: 'admin' }
  | { name: 'notFound' };

export function parseRoute(pathname: string, search: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const query = new URLSearchParams(search);
  const [first, second, third] = parts;
  switch (first) {
    case undefined:
      return { name: 'home' };
    case 'kotak-masuk':
      return { name: 'inbox' };
    case 'terkirim':
      return { name: 'sent' };
    case 'dikembalikan':
      return { name: 'returned' };
    case 'rujukan':
      return second ? { name: 'referral', id: second } : { name: 'inbox' };
    case 'kasus':
      if (!second) return { name: 'cases' };
      if (second === 'baru') return { name: 'newCase' };
      if (third === 'rujuk') return { name: 'compose', caseId: second, from: query.get('dari') };
      if (third === 'peringatan') return { name: 'raiseAlert', caseId: second };
      return { name: 'case', id: second };
    case 'instansi':
      return { name: 'agency' };
    case 'terlambat':
      return { name: 'overdue' };
    case 'audit':
      return second === 'kasus' && third ? { name: 'auditCase', id: third } : { name: 'audit' };
    case 'peringatan':
      if (second === 'baru') return { name: 'raiseAlert', caseId: null };
      return second ? { name: 'alert', id: second } : { name: 'alerts' };
    case 'statistik':
      return { name: 'statistics' };
    case 'pengaturan':
      return { name: 'admin' };
    default:
      return { name: 'notFound' };
  }
}

export const paths = {
  inbox: '/kotak-masuk',
  sent: '/terkirim',
  returned: '/dikembalikan',
  referral: (id: string) => `/rujukan/${encodeURIComponent(id)}`,
  cases: '/kasus',
  newCase: '/kasus/baru',
  case: (id: string) => `/kasus/${encodeURIComponent(id)}`,
  compose: (caseId: string, from?: string) =>
    `/kasus/${encodeURIComponent(caseId)}/rujuk${from ? `?dari=${encodeURIComponent(from)}` : ''}`,
  agency: '/instansi',
  audit: '/audit',
  overdue: '/terlambat',
  auditCase: (id: string) => `/audit/kasus/${encodeURIComponent(id)}`,
  alerts: '/peringatan',
  alert: (id: string) => `/peringatan/${encodeURIComponent(id)}`,
  raiseAlert: '/peringatan/baru',
  raiseCaseAlert: (caseId: string) => `/kasus/${encodeURIComponent(caseId)}/peringatan`,
  statistics: '/statistik',
  admin: '/pengaturan',
};
