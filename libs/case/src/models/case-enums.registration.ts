import { registerEnumType } from '@nestjs/graphql';
import { CaseStatus, ExploitationType, Sex } from '../case-enums';

registerEnumType(CaseStatus, { name: 'CaseStatus' });
registerEnumType(ExploitationType, { name: 'ExploitationType' });
registerEnumType(Sex, { name: 'Sex' });
