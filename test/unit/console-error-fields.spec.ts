import { createInstance, type TFunction } from 'i18next';
import { fieldLabel } from '../../apps/console/src/format/errors';
import { messagesEn } from '../../apps/console/src/i18n/messages.en';
import { messagesId } from '../../apps/console/src/i18n/messages.id';

async function translator(language: 'id' | 'en'): Promise<TFunction> {
  const i18n = createInstance();
  await i18n.init({
    resources: { id: { translation: messagesId }, en: { translation: messagesEn } },
    lng: language,
    interpolation: { escapeValue: false },
  });
  return i18n.t;
}

describe('the field a BAD_USER_INPUT names, as the console shows it', () => {
  it('is the label the forms use, in the officer’s language, wherever the field sits', async () => {
    const id = await translator('id');
    expect(fieldLabel(id, 'input.summary')).toBe('Ringkasan');
    expect(fieldLabel(id, 'input.lawfulBasis.consentReference')).toBe('Nomor bukti persetujuan');
    expect(fieldLabel(id, 'input.persons[2].fullName')).toBe('Nama lengkap');
    expect(fieldLabel(await translator('en'), 'input.summary')).toBe('Summary');
  });

  it('keeps the server’s name for a field the console has no label for', async () => {
    expect(fieldLabel(await translator('id'), 'input.webhookHeaders')).toBe('input.webhookHeaders');
  });
});
