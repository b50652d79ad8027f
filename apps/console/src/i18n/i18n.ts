import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { enumsId } from './enums.id';
import { messagesId } from './messages.id';

export type Language = 'id' | 'en';

// Only the chosen language is remembered in the browser (never anything about a person).
const LANGUAGE_KEY = 'simpul.language';

function storedLanguage(): Language {
  try {
    return localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

/**
 * Adds the English bundle unless it is there. Only Bahasa Indonesia, the default, is in the first
 * load: the JavaScript of a first visit on a slow link has a budget (docs/performance.md), and
 * most officers never switch.
 */
async function loadEnglish(): Promise<void> {
  if (i18next.hasResourceBundle('en', 'translation')) return;
  const { english } = await import('./english');
  i18next.addResourceBundle('en', 'translation', english);
}

/** i18next in Bahasa Indonesia unless English was chosen on this browser. */
export async function initI18n(): Promise<void> {
  const language = storedLanguage();
  await i18next.use(initReactI18next).init({
    resources: { id: { translation: { ...messagesId, enum: enumsId } } },
    lng: 'id',
    fallbackLng: 'id',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  if (language === 'en') {
    await loadEnglish();
    await i18next.changeLanguage('en');
  }
  document.documentElement.lang = i18next.language;
}

export async function switchLanguage(): Promise<void> {
  const next: Language = i18next.language === 'en' ? 'id' : 'en';
  try {
    localStorage.setItem(LANGUAGE_KEY, next);
  } catch {
    // private mode: the choice lasts until reload
  }
  if (next === 'en') await loadEnglish();
  await i18next.changeLanguage(next);
  document.documentElement.lang = next;
}

/** BCP 47 locale for dates and numbers in the chosen language. */
export function locale(): string {
  return i18next.language === 'en' ? 'en-GB' : 'id-ID';
}
