import type { Same } from '../same';
import type { signInId } from './sign-in.id';

export const signInEn: Same<typeof signInId> = {
  showPassword: 'Show password',
  title: 'Officer sign-in',
  username: 'Username',
  password: 'Password',
  submit: 'Sign in',
  required: 'Enter your username and password.',
  restoring: 'Restoring your session…',
};
