// Translation helpers: Bahasa Indonesia by default, English on request. The current language
// is state.lang, so every render picks up a switch without being told.

import { DICTIONARY } from './i18n-messages.js';
import { ENUMS } from './i18n-enums.js';
import { state } from './state.js';

/** The Intl locale used to format dates in each language. */
export const LOCALES = { id: 'id-ID', en: 'en-GB' };

/** A console message in the current language; message functions get `args` interpolated. */
export const t = (key, ...args) => {
  const value = DICTIONARY[state.lang][key];
  return typeof value === 'function' ? value(...args) : value;
};

/** The label of an API enum value; an unknown code is shown as is rather than hidden. */
export const label = (kind, code) => ENUMS[state.lang][kind][code] ?? code;
