import { SignedIn } from '@simpul/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@simpul/identity';
import { CaseStatus } from '../case-enums';
import { validCaseFilter } from '../case-filter';
import { CaseReader } from '../case.reader';
import { CaseFilterInput } from '../dto/case-filter.input';
import { OpenCaseInput } from '../dto/open-case.input';
import { CaseConnectionModel } from '../models/case-connection.model';
import { toCaseModel } from '../models/case.mapper';
import { CaseModel } from '../models/case.model';
import { CloseCaseUseCase } from '../use-cases/close-case.use-case';
import { OpenCaseUseCase } from '../use-cases/open-case.use-case';

@SignedIn()
@Resolver(() => CaseModel)
export class CaseResolver {
  constructor(
    private readonly reader: CaseReader,
    private readonly openCase: OpenCaseUseCase,
    private readonly closeCase: CloseCaseUseCase,
  ) {}

  @Query(() => CaseModel, { name: 'case', nullable: true })
  async findCase(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return toCaseModel(await this.reader.byId(actor, id));
  }

  @Query(() => CaseModel, { nullable: true })
  async caseByReference(@CurrentActor() actor: Actor, @Args('reference') reference: string) {
    return toCaseModel(await this.reader.byReference(actor, reference));
  }

  @Query(() => CaseConnectionModel, {
    description: "Cases the caller's unit is a party of (all cases for AUDITOR)",
  })
  async cases(
    @CurrentActor() actor: Actor,
    @Args('status', { type: () => [CaseStatus], nullable: true }) status?: CaseStatus[] | null,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
    @Args('filter', { type: () => CaseFilterInput, nullable: true })
    filter?: CaseFilterInput | null,
  ): Promise<CaseConnectionModel> {
    const page = await this.reader.list(actor, status, first, after, validCaseFilter(filter));
    return {
      edges: page.items.map(({ cursor, entity }) => ({ cursor, node: toCaseModel(entity) })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.items.at(-1)?.cursor ?? null },
      totalCount: page.totalCount,
    };
  }

  @Mutation(() => CaseModel, { name: 'openCase' })
  async open(@CurrentActor() actor: Actor, @Args('input') input: OpenCaseInput) {
    return toCaseModel(await this.openCase.execute(actor, input));
  }

  @Mutation(() => CaseModel, { name: 'closeCase' })
  async close(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('note') note: string,
  ) {
    return toCaseModel(await this.closeCase.execute(actor, id, note));
  }
}
