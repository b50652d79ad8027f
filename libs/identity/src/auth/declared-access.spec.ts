import type { Type } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { SignedIn } from '@simpul/common';
import { Role } from '../role';
import { declaredAccess } from './declared-access';
import { Public } from './public.decorator';
import { Roles } from './roles.decorator';

class Undeclared {
  operation() {}
}

@SignedIn()
class SignedInByClass {
  operation() {}
  @Roles(Role.ADMIN)
  adminOnly() {}
  @Public()
  open() {}
}

describe('declaredAccess', () => {
  const reflector = new Reflector();
  const of = (target: object, method: string) =>
    declaredAccess(reflector, [
      (target as Record<string, () => void>)[method],
      target.constructor as Type,
    ]);

  it('is null for an operation that declares nothing, which the guard then refuses', () => {
    expect(of(Undeclared.prototype, 'operation')).toBeNull();
  });

  it('takes the class rule when the method declares none, and the method rule over it', () => {
    expect(of(SignedInByClass.prototype, 'operation')).toEqual({ kind: 'signed-in' });
    expect(of(SignedInByClass.prototype, 'adminOnly')).toEqual({
      kind: 'roles',
      roles: [Role.ADMIN],
    });
    expect(of(SignedInByClass.prototype, 'open')).toEqual({ kind: 'public' });
  });
});
