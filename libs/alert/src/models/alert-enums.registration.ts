import { registerEnumType } from '@nestjs/graphql';
import { AlertDismissalReason, AlertStatus, AlertType, Severity } from '../alert-enums';
import { AlertQueueOrder } from '../alert-queue-order';

registerEnumType(AlertType, { name: 'AlertType' });
registerEnumType(Severity, { name: 'Severity' });
registerEnumType(AlertStatus, { name: 'AlertStatus' });
registerEnumType(AlertDismissalReason, {
  name: 'AlertDismissalReason',
  description: 'Why an alert was dismissed (coded, so that false alarms can be counted)',
});
registerEnumType(AlertQueueOrder, {
  name: 'AlertQueueOrder',
  description:
    "How `alerts` is ordered: NEWEST_FIRST, or URGENT_FIRST — open alerts awaiting the acknowledgement of the caller's units (or unitId) first, most severe first, then the rest; newest first within each",
});
