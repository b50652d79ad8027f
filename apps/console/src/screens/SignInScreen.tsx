import { Alert, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageToggle, OfflineNotice, SkipLink } from '../app/Shell';
import { errorText } from '../format/errors';
import { signIn } from '../session/session';

export function SignInScreen({ expired }: { expired: boolean }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(expired ? t('errors.UNAUTHENTICATED') : null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => {
    document.title = `${t('signIn.title')} — Simpul`;
    first.current?.focus();
  }, [t]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!username.trim() || !password) {
      setError(t('signIn.required'));
      return;
    }
    setBusy(true);
    setError(null);
    const failure = await signIn(username.trim(), password);
    setBusy(false);
    if (failure) setError(errorText(t, failure));
  };

  return (
    <>
      <SkipLink />
      <OfflineNotice />
      <main id="main" tabIndex={-1} className="sign-in">
        <Stack gap="md" className="panel">
          <div>
            <Text fw={700} size="xl" component="p">
              {t('app.name')}
            </Text>
            <Text size="sm" component="p">
              {t('app.tagline')}
            </Text>
          </div>
          <Title order={1} className="page-title">
            {t('signIn.title')}
          </Title>
          <form onSubmit={(e) => void submit(e)} noValidate>
            <Stack gap="sm">
              <TextInput
                ref={first}
                label={t('signIn.username')}
                name="username"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                value={username}
                onChange={(e) => setUsername(e.currentTarget.value)}
                required
              />
              <PasswordInput
                visibilityToggleButtonProps={{ 'aria-label': t('signIn.showPassword') }}
                label={t('signIn.password')}
                name="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                required
              />
              {error && (
                <Alert color="red" variant="outline" role="alert">
                  {error}
                </Alert>
              )}
              <Button type="submit" loading={busy} size="md">
                {t('signIn.submit')}
              </Button>
            </Stack>
          </form>
          <div>
            <LanguageToggle />
          </div>
        </Stack>
      </main>
    </>
  );
}
