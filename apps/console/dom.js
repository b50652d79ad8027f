// Small DOM helpers. Text is always set as text nodes, never as HTML: values from the API
// (officer names, case titles, identities) can then never inject markup, and the CSP needs no exceptions.

import { LOCALES } from './i18n.js';
import { state } from './state.js';

export const $ = (selector) => document.querySelector(selector);

/** An element with attributes and children (strings become text nodes: never HTML). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clearChildren(node) {
  while (node.firstChild) node.firstChild.remove();
}

/** An ISO timestamp as a date and time in the current language. */
export function formatTime(iso) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(LOCALES[state.lang], {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}
