import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { enumsEn } from './enums.en';
import { enumsId } from './enums.id';
import { messagesEn } from './messages.en';
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

/** i18next with both languages bundled (they are small); Bahasa Indonesia unless chosen otherwise. */
export async function initI18n(): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources: {
      id: { translation: { ...messagesId, enum: enumsId } },
      en: { translation: { ...messagesEn, enum: enumsEn } },
    },
    lng: storedLanguage(),
    fallbackLng: 'id',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
}

export async function switchLanguage(): Promise<void> {
  const next: Language = i18next.language === 'en' ? 'id' : 'en';
  try {
    localStorage.setItem(LANGUAGE_KEY, next);
  } catch {
    // private mode: the choice lasts until reload
  }
  await i18next.changeLanguage(next);
  document.documentElement.lang = next;
}

/** BCP 47 locale for dates and numbers in the chosen language. */
export function locale(): string {
  return i18next.language === 'en' ? 'en-GB' : 'id-ID';
}
