import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { badInput, isUuid, notFound } from '@simpul/common';
import { CurrentActor, Role, Roles, type Actor } from '@simpul/identity';
import { LedgerVerifications, RequestLedgerVerificationUseCase } from '@simpul/ledger';
import { LedgerVerificationModel, toLedgerVerificationModel } from './ledger-verification.model';

const MAX_RUNS = 100;

/** ADMIN checks the stored ledger from end to end in the worker (docs/ledger-format.md). */
@Resolver()
export class LedgerVerificationResolver {
  constructor(
    private readonly verifications: LedgerVerifications,
    private readonly requestVerification: RequestLedgerVerificationUseCase,
  ) {}

  @Roles(Role.ADMIN)
  @Mutation(() => LedgerVerificationModel, {
    description:
      'ADMIN: verifies the whole stored ledger in the worker; follow it with ledgerVerification(id). A failure is logged as an error and shown in /health/ready',
  })
  async verifyLedger(@CurrentActor() actor: Actor): Promise<LedgerVerificationModel> {
    return toLedgerVerificationModel(await this.requestVerification.execute(actor.officerId));
  }

  @Roles(Role.ADMIN)
  @Query(() => LedgerVerificationModel, { description: 'ADMIN: one verifyLedger run' })
  async ledgerVerification(
    @Args('id', { type: () => ID }) id: string,
  ): Promise<LedgerVerificationModel> {
    const found = isUuid(id) ? await this.verifications.byId(id) : null;
    if (!found) throw notFound('Ledger verification');
    return toLedgerVerificationModel(found);
  }

  @Roles(Role.ADMIN)
  @Query(() => [LedgerVerificationModel], {
    description: `ADMIN: the latest verifyLedger runs, newest first (at most ${MAX_RUNS})`,
  })
  async ledgerVerifications(
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
  ): Promise<LedgerVerificationModel[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_RUNS) {
      throw badInput('first', `must be from 1 to ${MAX_RUNS}`);
    }
    return (await this.verifications.latest(first)).map(toLedgerVerificationModel);
  }
}
