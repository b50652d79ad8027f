/**
 * A new webhook secret: 32 random bytes from the browser's CSPRNG as 64 hex characters (the API
 * takes 32 to 256). Made here, not on the server, because the API never returns a secret: the
 * ADMIN sees it once, on the screen that made it, and gives it to the receiver's operators.
 */
export function newWebhookSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
