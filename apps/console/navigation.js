// Switching between the queues, the case list and a case. Kept apart from chrome.js because
// showing a queue or the case list loads it, which needs the views; the views in turn only
// need chrome.js, so the modules import each other in one direction only.

import { loadCaseList } from './case-view.js';
import { showSection } from './chrome.js';
import { loadQueue } from './queue-view.js';

/** Shows `view` and loads what it lists; a single case is loaded by openCase() instead. */
export async function show(view) {
  showSection(view);
  if (view === 'cases') await loadCaseList();
  else if (view !== 'case') await loadQueue();
}
