// Live updates: the graphql-transport-ws protocol by hand over one WebSocket to /graphql
// (https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md), subscribed to the officer's
// unit events. An event only says "something changed": the open queue is then reloaded.

import { ME, UNIT_EVENTS, gql } from './api.js';
import { renderLive } from './chrome.js';
import { loadQueue } from './queue-view.js';
import { isQueueView, state } from './state.js';

export function startLive() {
  stopLive();
  if (!state.session) return;
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
  const socket = new WebSocket(url, 'graphql-transport-ws');
  const live = { socket, connected: false, retry: null, refreshTimer: null };
  state.live = live;
  socket.addEventListener('open', () => {
    socket.send(
      JSON.stringify({
        type: 'connection_init',
        payload: { authorization: `Bearer ${state.session?.accessToken ?? ''}` },
      }),
    );
  });
  socket.addEventListener('message', (message) => {
    let frame;
    try {
      frame = JSON.parse(message.data);
    } catch {
      return;
    }
    if (frame.type === 'connection_ack') {
      live.connected = true;
      renderLive();
      socket.send(
        JSON.stringify({ id: 'unit-events', type: 'subscribe', payload: { query: UNIT_EVENTS } }),
      );
    } else if (frame.type === 'ping') {
      socket.send(JSON.stringify({ type: 'pong' }));
    } else if (frame.type === 'next') {
      // Several events often arrive together (sent, delivered…): one reload for all of them.
      clearTimeout(live.refreshTimer);
      live.refreshTimer = setTimeout(onLiveEvent, 300);
    }
  });
  socket.addEventListener('close', (event) => {
    live.connected = false;
    renderLive();
    if (state.live !== live || !state.session) return;
    // 4401: the token expired; any API call refreshes it (and restarts this). Else retry later.
    if (event.code === 4401) {
      gql(ME).catch(() => {});
      return;
    }
    live.retry = setTimeout(startLive, 5_000);
  });
}

export function stopLive() {
  const live = state.live;
  state.live = null;
  if (!live) return;
  clearTimeout(live.retry);
  clearTimeout(live.refreshTimer);
  if (live.socket.readyState <= WebSocket.OPEN) live.socket.close(1000, 'bye');
}

/** After a token refresh: the socket authenticated with the old token, so it starts again. */
export function restartLive() {
  if (state.session) startLive();
}

function onLiveEvent() {
  if (!state.session) return;
  if (isQueueView(state.view)) loadQueue();
}
