import type { ConsolePage } from './launch-console-browser';

const PASSWORD = process.env.SIMPUL_DEMO_PASSWORD || 'simpul-demo';

/**
 * Opens the console at `baseUrl` in the tab and signs in as a demo officer the way an officer
 * does, by the form's Indonesian labels; returns once the signed-in shell shows its sign-out
 * button.
 */
export async function signInToConsole(
  { page }: Pick<ConsolePage, 'page'>,
  baseUrl: string,
  username: string,
): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByRole('textbox', { name: 'Kata sandi' }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.getByRole('button', { name: 'Keluar' }).waitFor();
}
