/**
 * Wraps the type of a property that points at another decorated class. Decorator metadata then
 * records `Object` instead of the class, which avoids "Cannot access 'X' before initialization"
 * when two model or entity files import each other (ESM evaluation order).
 */
export type Relation<T> = T;
