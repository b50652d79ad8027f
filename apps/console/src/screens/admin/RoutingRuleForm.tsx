import '@mantine/core/styles/Checkbox.css';
import '@mantine/core/styles/InlineInput.css';
import { Alert, Checkbox, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ExploitationChecks } from '../../components/ExploitationChecks';
import { SaveCancelButtons } from '../../components/SaveCancelButtons';
import { errorText } from '../../format/errors';
import { enumsId } from '../../i18n/enums.id';
import { CREATE_RULE, UPDATE_RULE, type RoutingRuleData } from './admin-queries';

type AlertType = keyof typeof enumsId.alertType;
type Severity = keyof typeof enumsId.severity;
type Exploitation = keyof typeof enumsId.exploitation;

/**
 * Creates a routing rule, or edits one: updateAlertRoutingRule replaces every field, so the form
 * holds all of them, prefilled from the rule. Receiving units are typed as codes (KEMLU-PWNI,
 * BP3MI-NTT), the way officers and the README name them; an unknown code is refused here.
 */
export function RoutingRuleForm({
  rule,
  unitIdsByCode,
  onSaved,
  onCancel,
}: {
  rule: RoutingRuleData | null;
  unitIdsByCode: ReadonlyMap<string, string>;
  onSaved: (name: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(rule?.name ?? '');
  const [types, setTypes] = useState<string[]>(rule?.alertTypes ?? []);
  const [minSeverity, setMinSeverity] = useState<Severity>(rule?.minSeverity ?? 'LOW');
  const [region, setRegion] = useState(rule?.regionCode ?? '');
  const [country, setCountry] = useState(rule?.countryCode ?? '');
  const [abroadOnly, setAbroadOnly] = useState(rule?.abroadOnly ?? false);
  const [missions, setMissions] = useState(rule?.missionsInCountry ?? false);
  const [active, setActive] = useState(rule?.active ?? true);
  const [exploitation, setExploitation] = useState<string[]>(rule?.exploitationTypes ?? []);
  const [codes, setCodes] = useState(rule?.units.map((u) => u.code).join(', ') ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [, create] = useMutation(CREATE_RULE);
  const [, update] = useMutation(UPDATE_RULE);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setProblem(t('adminScreen.nameRequired'));
    const wanted = codes
      .split(/[\s,]+/)
      .map((code) => code.trim().toUpperCase())
      .filter(Boolean);
    const unknown = wanted.filter((code) => !unitIdsByCode.has(code));
    if (unknown.length)
      return setProblem(t('adminScreen.unknownUnits', { codes: unknown.join(', ') }));
    const input = {
      name: name.trim(),
      active,
      alertTypes: types as AlertType[],
      minSeverity,
      regionCode: region.trim() || null,
      countryCode: country.trim().toUpperCase() || null,
      abroadOnly,
      missionsInCountry: missions,
      exploitationTypes: exploitation as Exploitation[],
      unitIds: wanted.map((code) => unitIdsByCode.get(code)!),
    };
    setBusy(true);
    setProblem(null);
    const result = rule ? await update({ id: rule.id, input }) : await create({ input });
    setBusy(false);
    if (result.error) return setProblem(errorText(t, result.error));
    onSaved(input.name);
  };

  return (
    <form
      onSubmit={(e) => void submit(e)}
      noValidate
      className="panel"
      aria-label={rule ? t('adminScreen.editTitle', { name: rule.name }) : t('adminScreen.newRule')}
    >
      <Stack gap="sm">
        <TextInput
          label={t('adminScreen.name')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <Checkbox.Group label={t('adminScreen.types')} value={types} onChange={setTypes}>
          <div className="check-grid">
            {Object.keys(enumsId.alertType).map((k) => (
              <Checkbox key={k} value={k} label={t(`enum.alertType.${k}`)} />
            ))}
          </div>
        </Checkbox.Group>
        <div className="filters">
          <NativeSelect
            label={t('adminScreen.minSeverity')}
            value={minSeverity}
            onChange={(e) => setMinSeverity(e.currentTarget.value as Severity)}
            data={Object.keys(enumsId.severity).map((k) => ({
              value: k,
              label: t(`enum.severity.${k}`),
            }))}
          />
          <TextInput
            label={t('adminScreen.region')}
            value={region}
            onChange={(e) => setRegion(e.currentTarget.value)}
          />
          <TextInput
            label={t('adminScreen.country')}
            value={country}
            maxLength={2}
            onChange={(e) => setCountry(e.currentTarget.value)}
          />
        </div>
        <ExploitationChecks
          label={t('adminScreen.exploitation')}
          value={exploitation}
          onChange={setExploitation}
        />
        <TextInput
          label={t('adminScreen.units')}
          value={codes}
          onChange={(e) => setCodes(e.currentTarget.value)}
        />
        <Checkbox
          label={t('adminScreen.abroadOnly')}
          checked={abroadOnly}
          onChange={(e) => setAbroadOnly(e.currentTarget.checked)}
        />
        <Checkbox
          label={t('adminScreen.missions')}
          checked={missions}
          onChange={(e) => setMissions(e.currentTarget.checked)}
        />
        <Checkbox
          label={t('adminScreen.active')}
          checked={active}
          onChange={(e) => setActive(e.currentTarget.checked)}
        />
        {problem && (
          <Alert color="red" variant="outline" role="alert">
            {problem}
          </Alert>
        )}
        <SaveCancelButtons
          save={t('adminScreen.save')}
          cancel={t('adminScreen.cancel')}
          busy={busy}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}
