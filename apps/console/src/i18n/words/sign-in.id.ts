export const signInId = {
  showPassword: 'Tampilkan kata sandi',
  title: 'Masuk petugas',
  username: 'Nama pengguna',
  password: 'Kata sandi',
  submit: 'Masuk',
  required: 'Isi nama pengguna dan kata sandi.',
  restoring: 'Memulihkan sesi…',
};
