import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { UnitModel } from '@simpul/agency';
import { Weekday, weekendDaysOf } from '../models/weekday.model';

/**
 * Unit.weekendDays: the receiving unit's week, which its referrals' business-day deadlines follow
 * (libs/sla/src/weekends/weekends-by-country.ts). Here, not in the agency lib: the rule is the
 * deadlines', and the agency lib sits below the sla lib's users.
 */
@Resolver(() => UnitModel)
export class UnitWeekendResolver {
  @ResolveField(() => [Weekday], {
    description:
      "Days this unit does not work, Monday first: its referrals' business-day deadlines skip them (and Indonesia's national holidays and cuti bersama). SATURDAY, SUNDAY inside Indonesia; a mission's follow its host country (FRIDAY, SATURDAY in Saudi Arabia)",
  })
  weekendDays(@Parent() unit: UnitModel): Weekday[] {
    return weekendDaysOf(unit.countryCode);
  }
}
