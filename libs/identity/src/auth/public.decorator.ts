import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'simpul:public';

/** Lets an operation run without a token (default deny: only `login` should need this). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
