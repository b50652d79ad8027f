import { createTheme, type MantineThemeOverride } from '@mantine/core';
import overrides from './theme.json';

/**
 * The console's Mantine theme. Filled colours use shade 9 so white text on them keeps a 4.5:1
 * contrast. The values are plain JSON because scripts/build-console.mjs also reads them: it
 * renders the CSS variables Mantine derives from the theme into a static stylesheet, since the
 * CSP forbids the <style> elements Mantine would otherwise inject.
 */
export const theme = createTheme(overrides as MantineThemeOverride);
