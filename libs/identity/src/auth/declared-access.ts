import type { Reflector } from '@nestjs/core';
import type { Role } from '../role';
import { IS_PUBLIC } from './public.decorator';
import { REQUIRED_ROLES } from './roles.decorator';
import { SIGNED_IN } from '@simpul/common';

/** The access rule an operation declares; `null` when it declares none (and is therefore denied). */
export type DeclaredAccess =
  { kind: 'public' } | { kind: 'roles'; roles: readonly Role[] } | { kind: 'signed-in' } | null;

/**
 * Reads the rule of a resolver method, falling back to its class: @Public(), @Roles(…) or
 * @SignedIn(). The guard enforces it; a test checks that every operation of the served schema has
 * one.
 */
export type MetadataTargets = Parameters<Reflector['getAllAndOverride']>[1];

export function declaredAccess(reflector: Reflector, targets: MetadataTargets): DeclaredAccess {
  if (reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return { kind: 'public' };
  const roles = reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
  if (roles?.length) return { kind: 'roles', roles };
  if (reflector.getAllAndOverride<boolean>(SIGNED_IN, targets)) return { kind: 'signed-in' };
  return null;
}
