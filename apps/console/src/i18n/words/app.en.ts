import type { Same } from '../same';
import type { appId } from './app.id';

export const appEn: Same<typeof appId> = {
  name: 'Simpul',
  tagline: 'Anti-trafficking referral hub',
  skip: 'Skip to main content',
  language: 'Bahasa Indonesia',
  languageLabel: 'Switch language to Bahasa Indonesia',
  signOut: 'Sign out',
  signedInAs: '{{name}} · {{unit}}',
  offline:
    'You are offline. What you see is the last data received; new actions can be sent once you are back online.',
  live: {
    connected: 'Live: connected',
    connecting: 'Live: connecting…',
    closed: 'Live: disconnected, reconnecting…',
  },
  loading: 'Loading…',
  notFound: 'Page not found.',
  home: 'Back to start',
  /** Read again from the server when nothing failed (retry is for after an error). */
  reload: 'Reload',
  retry: 'Try again',
  titleNew_one: '({{count}} new) {{title}}',
  titleNew_other: '({{count}} new) {{title}}',
  mainNav: 'Main navigation',
};
