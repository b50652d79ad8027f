import { registerEnumType } from '@nestjs/graphql';
import { AlertDismissalReason, AlertStatus, AlertType, Severity } from '../alert-enums';

registerEnumType(AlertType, { name: 'AlertType' });
registerEnumType(Severity, { name: 'Severity' });
registerEnumType(AlertStatus, { name: 'AlertStatus' });
registerEnumType(AlertDismissalReason, {
  name: 'AlertDismissalReason',
  description: 'Why an alert was dismissed (coded, so that false alarms can be counted)',
});
