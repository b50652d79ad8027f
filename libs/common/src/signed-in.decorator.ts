import { SetMetadata } from '@nestjs/common';

export const SIGNED_IN = 'simpul:signed-in';

/**
 * Any signed-in officer may call the operation; what it returns or changes is scoped by its use
 * case (case parties, the rule table, need-to-know). On a resolver class, it covers every
 * operation of the class that declares nothing stricter.
 */
export const SignedIn = () => SetMetadata(SIGNED_IN, true);
