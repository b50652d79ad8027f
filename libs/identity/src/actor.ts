import type { Role } from './role';

/**
 * Who is calling: the authenticated officer, its unit and agency. Every use case takes one; access
 * rules are decided from it alone.
 */
export interface Actor {
  officerId: string;
  username: string;
  unitId: string;
  agencyId: string;
  roles: readonly Role[];
}
