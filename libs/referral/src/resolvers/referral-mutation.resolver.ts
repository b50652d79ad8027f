import { SignedIn } from '@simpul/common';
import { Args, ID, Int, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@simpul/identity';
import { SendReferralInput } from '../dto/send-referral.input';
import { ReferralModel } from '../models/referral.model';
import { RejectionReason } from '../referral-enums';
import { ReferralViews } from '../referral-views';
import { ReferralView } from '../referral-visibility';
import { AcceptReferralUseCase } from '../use-cases/accept-referral.use-case';
import { AcknowledgeReferralUseCase } from '../use-cases/acknowledge-referral.use-case';
import { CancelReferralUseCase } from '../use-cases/cancel-referral.use-case';
import { CompleteReferralUseCase } from '../use-cases/complete-referral.use-case';
import { FailReferralUseCase } from '../use-cases/fail-referral.use-case';
import { HoldReferralUseCase } from '../use-cases/hold-referral.use-case';
import { RedirectReferralUseCase } from '../use-cases/redirect-referral.use-case';
import { RejectReferralUseCase } from '../use-cases/reject-referral.use-case';
import { ResumeReferralUseCase } from '../use-cases/resume-referral.use-case';
import { SendReferralUseCase } from '../use-cases/send-referral.use-case';
import { StartReferralUseCase } from '../use-cases/start-referral.use-case';

const Id = () => Args('id', { type: () => ID });
const ExpectedVersion = () => Args('expectedVersion', { type: () => Int, nullable: true });
const OptionalNote = () => Args('note', { type: () => String, nullable: true });

/** Every referral mutation of the contract; each delegates to its one use case. */
@SignedIn()
@Resolver(() => ReferralModel)
export class ReferralMutationResolver {
  constructor(
    private readonly send: SendReferralUseCase,
    private readonly acknowledge: AcknowledgeReferralUseCase,
    private readonly accept: AcceptReferralUseCase,
    private readonly reject: RejectReferralUseCase,
    private readonly redirect: RedirectReferralUseCase,
    private readonly start: StartReferralUseCase,
    private readonly hold: HoldReferralUseCase,
    private readonly resume: ResumeReferralUseCase,
    private readonly complete: CompleteReferralUseCase,
    private readonly fail: FailReferralUseCase,
    private readonly cancel: CancelReferralUseCase,
    private readonly views: ReferralViews,
  ) {}

  @Mutation(() => ReferralModel)
  async sendReferral(@CurrentActor() actor: Actor, @Args('input') input: SendReferralInput) {
    return this.views.shownAfterWrite(actor, await this.send.execute(actor, input));
  }

  @Mutation(() => ReferralModel)
  async acknowledgeReferral(
    @CurrentActor() actor: Actor,
    @Id() id: string,
    @ExpectedVersion() v?: number,
  ) {
    return this.views.shownAfterWrite(actor, await this.acknowledge.execute(actor, id, v));
  }

  @Mutation(() => ReferralModel)
  async acceptReferral(
    @CurrentActor() actor: Actor,
    @Id() id: string,
    @OptionalNote() note?: string,
    @ExpectedVersion() v?: number,
  ) {
    return this.views.shownAfterWrite(actor, await this.accept.execute(actor, id, note, v));
  }

  @Mutation(() => ReferralModel)
  async rejectReferral(
    @CurrentActor() actor: Actor,
    @Id() id: string,
    @Args('reason', { type: () => RejectionReason }) reason: RejectionReason,
    @OptionalNote() note?: string,
    @ExpectedVersion() v?: number,
  ) {
    return this.views.shownAfterWrite(actor, await this.reject.execute(actor, id, reason, note, v));
  }

  @Mutation(() => ReferralModel, {
    description:
      'Ends this referral as REDIRECTED and returns the new referral to toUnitId (same sender, services, persons and confidentiality; afterwards the redirecting unit sees it as any other party of the case does)',
  })
  async redirectReferral(
    @CurrentActor() actor: Actor,
    @Id() id: string,
    @Args('toUnitId', { type: () => ID }) toUnitId: string,
    @OptionalNote() note?: string,
    @ExpectedVersion() v?: number,
  ) {
    return this.views.shownAfterWrite(
      actor,
      await this.redirect.execute(actor, id, toUnitId, note, v),
      ReferralView.EXISTENCE,
    );
  }

  @Mutation(() => ReferralModel)
  async startReferral(
    @CurrentActor() actor: Actor,
    @Id() id: string,
    @ExpectedVersion() v?: number,
  ) {
    return this.views.shownAfterWrite(actor, await this.start.execute(actor, id, v));
  }

  @Mutation(() => ReferralModel)
  async holdReferral(
    @CurrentActor() actor: Actor,
    @Id() id: string,
    @Args('note') note: string,
    @ExpectedVersion() v?: number,
  ) {
    return this.views.shownAfterWrite(actor, await this.hold.execute(actor, id, note, v));
  }

  @Mutation(() => ReferralModel)
  async resumeReferral(
    @CurrentActor() actor: Actor,
    @Id() id: string,
    @ExpectedVersion() v?: number,
  ) {
    return this.views.shownAfterWrite(actor, await this.resume.execute(actor, id, v));
  }

  @Mutation(() => ReferralModel)
  async completeReferral(
    @CurrentActor() actor: Actor,
    @Id() id: string,
    @Args('outcome') outcome: string,
    @ExpectedVersion() v?: number,
  ) {
    return this.views.shownAfterWrite(actor, await this.complete.execute(actor, id, outcome, v));
  }

  @Mutation(() => ReferralModel)
  async failReferral(
    @CurrentActor() actor: Actor,
    @Id() id: string,
    @Args('note') note: string,
    @ExpectedVersion() v?: number,
  ) {
    return this.views.shownAfterWrite(actor, await this.fail.execute(actor, id, note, v));
  }

  @Mutation(() => ReferralModel)
  async cancelReferral(
    @CurrentActor() actor: Actor,
    @Id() id: string,
    @Args('note') note: string,
    @ExpectedVersion() v?: number,
  ) {
    return this.views.shownAfterWrite(actor, await this.cancel.execute(actor, id, note, v));
  }
}
