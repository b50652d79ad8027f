import type { Actor } from './actor';
import { Role } from './role';

/** Pure access rules of docs/architecture.md's access model, decided from the Actor alone. */

export function hasRole(actor: Actor, role: Role): boolean {
  return actor.roles.includes(role);
}

/** A SUPERVISOR acts for every unit of its own agency. */
export function isSupervisorOfAgency(actor: Actor, agencyId: string): boolean {
  return hasRole(actor, Role.SUPERVISOR) && actor.agencyId === agencyId;
}

/** Officers act for their own unit; a SUPERVISOR also for every unit of its agency. */
export function actsForUnit(actor: Actor, unit: { id: string; agencyId: string }): boolean {
  return actor.unitId === unit.id || isSupervisorOfAgency(actor, unit.agencyId);
}
