import { ESLint } from 'eslint';

/**
 * The lint rule that keeps libs in their layers (eslint.config.mjs, scripts/lib-layers.mjs)
 * must actually refuse a violation: each probe is linted with the project's own configuration,
 * as the text of a real file of the lib it pretends to be in.
 */
describe('lib boundaries (ESLint)', () => {
  const eslint = new ESLint({ cwd: process.cwd() });

  const boundaryErrors = async (filePath: string, text: string): Promise<string[]> => {
    const [result] = await eslint.lintText(text, { filePath });
    return result.messages
      .filter((message) => message.ruleId === 'boundaries/dependencies')
      .map((message) => message.message);
  };

  it('refuses a lib importing a lib above it (agency → case)', async () => {
    const errors = await boundaryErrors(
      'libs/agency/src/agency-kind.ts',
      "import { CaseAccess } from '@simpul/case';\nexport const probe = CaseAccess;\n",
    );
    expect(errors).toEqual([expect.stringContaining('"agency" to elements of type "case"')]);
  }, 120_000);

  it('refuses the case lib reaching into the referral lib (dependency inversion instead)', async () => {
    const errors = await boundaryErrors(
      'libs/case/src/case-access.ts',
      "import { ReferralModule } from '@simpul/referral';\nexport const probe = ReferralModule;\n",
    );
    expect(errors).toHaveLength(1);
  }, 120_000);

  it('refuses a deep import of another lib’s internals, even one the layers allow', async () => {
    const errors = await boundaryErrors(
      'libs/referral/src/referral-factory.ts',
      "import { CaseRepository } from '../../case/src/case.repository';\nexport const probe = CaseRepository;\n",
    );
    expect(errors).toEqual([expect.stringContaining('"referral" to elements of type "case"')]);
  }, 120_000);

  it('lets a lib use a lower lib through its index, and its own files', async () => {
    const errors = await boundaryErrors(
      'libs/referral/src/referral-factory.ts',
      "import { CaseAccess } from '@simpul/case';\nimport { ReferralRepository } from './referral.repository';\nexport const probe = [CaseAccess, ReferralRepository];\n",
    );
    expect(errors).toEqual([]);
  }, 120_000);
});
