import { SetMetadata } from '@nestjs/common';
import type { Role } from '../role';

export const REQUIRED_ROLES = 'simpul:roles';

/** The operation needs at least one of these roles; others get FORBIDDEN. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);
