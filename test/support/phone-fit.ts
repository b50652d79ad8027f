import type { Page } from 'playwright-core';

export interface PhoneMisfit {
  /** The page is wider than the screen: the officer would have to scroll sideways. */
  scrollWidth?: number;
  /** Controls a thumb would miss: shorter than 44 CSS px, reaching past the right edge, or
   *  with its label cut off. */
  targets: string[];
}

/**
 * What a phone officer could not reach on the page as it is: sideways scrolling, and every
 * visible control (links, buttons, fields, summaries; a checkbox or radio by its whole
 * clickable body) shorter than 44 px, beyond the right edge or with a label cut off. Empty `targets` and no
 * `scrollWidth` when everything fits.
 */
export async function phoneMisfits(page: Page): Promise<PhoneMisfit> {
  return page.evaluate<PhoneMisfit>(`(() => {
    const width = document.documentElement.clientWidth;
    const targets = [];
    const controls = document.querySelectorAll(
      'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button]',
    );
    for (const el of controls) {
      if (el.closest('svg') || el.classList.contains('skip-link')) continue;
      if (el.closest('details:not([open])') && el.tagName !== 'SUMMARY') continue;
      const own = el.getBoundingClientRect();
      if (own.width === 0 && own.height === 0) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden') continue;
      const choice = el.type === 'checkbox' || el.type === 'radio';
      const box = choice
        ? (el.closest('.mantine-Checkbox-body, .mantine-Radio-body, label') ?? el).getBoundingClientRect()
        : own;
      const name = (el.getAttribute('aria-label') || el.textContent || el.name || el.tagName).trim().slice(0, 40);
      if (box.height < 44) targets.push(name + ': ' + Math.round(box.height) + ' px high');
      if (box.right > width + 1) targets.push(name + ': ends at ' + Math.round(box.right) + ' px');
      const label = el.querySelector('.mantine-Button-label');
      if (label && label.scrollWidth > label.clientWidth + 1) targets.push(name + ': label cut off');
    }
    const scrollWidth = document.documentElement.scrollWidth;
    return scrollWidth > width ? { scrollWidth, targets } : { targets };
  })()`);
}
