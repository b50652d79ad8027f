import { store } from '../graphql/store';

/** The current screen's title; the document title adds the count of live arrivals. */
export const pageTitle = store<string>('Simpul');
