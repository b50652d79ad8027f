import { Button, Group } from '@mantine/core';

/** The two buttons an inline form ends with: submit (busy while it saves) and cancel. */
export function SaveCancelButtons({
  save,
  cancel,
  busy,
  onCancel,
}: {
  save: string;
  cancel: string;
  busy: boolean;
  onCancel: () => void;
}) {
  return (
    <Group gap={6}>
      <Button type="submit" size="sm" loading={busy}>
        {save}
      </Button>
      <Button size="sm" variant="subtle" onClick={onCancel}>
        {cancel}
      </Button>
    </Group>
  );
}
