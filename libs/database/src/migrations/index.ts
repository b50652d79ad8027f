import { InitialSchema1764374400000 } from './1764374400000-initial-schema';

/** Every migration, in order. Listed explicitly (no glob) so that dist/ and Jest load the same set. */
export const migrations = [InitialSchema1764374400000];
