/** The English twin of an Indonesian word list: every key, each a string (or a nested list). */
export type Same<T> = { [K in keyof T]: T[K] extends string ? string : Same<T[K]> };
