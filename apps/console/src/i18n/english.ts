import { enumsEn } from './enums.en';
import { messagesEn } from './messages.en';

/** The English bundle: its own chunk, fetched only by an officer who chose English. */
export const english = { ...messagesEn, enum: enumsEn };
