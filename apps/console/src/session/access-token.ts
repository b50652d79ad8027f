// The current access token, in memory only: read by the GraphQL client for every request and
// by the WebSocket on every (re)connect, written by the session. Never stored in the browser.
let current: string | null = null;

export function accessToken(): string | null {
  return current;
}

export function setAccessToken(token: string | null): void {
  current = token;
}
