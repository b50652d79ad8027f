import type { INestApplicationContext } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigModule } from '@simpul/config';
import { DatabaseModule } from '@simpul/database';
import { LedgerSequencer, LedgerSequencerModule } from '@simpul/ledger';
import { waitForCondition } from './wait-for-condition';

@Module({ imports: [ConfigModule, DatabaseModule, LedgerSequencerModule] })
class SequencerOnlyModule {}

/**
 * The worker's ledger sequencer alone, in this process: for tests that read sealed ledger entries
 * (timelines, the chain) behind an in-process gateway, without the rest of the worker (the relay
 * and the job handlers would deliver referrals behind the test's back). Resolves once it leads.
 */
export async function startLedgerSequencer(): Promise<INestApplicationContext> {
  const context = await NestFactory.createApplicationContext(SequencerOnlyModule, {
    logger: false,
  });
  await context.init();
  await waitForCondition('the ledger sequencer to lead', () =>
    context.get(LedgerSequencer).isLeading(),
  );
  return context;
}

/** Resolves once no committed ledger entry waits to be sealed (a sequencer must be running). */
export async function waitForLedgerSealed(query: {
  query: (sql: string) => Promise<unknown>;
}): Promise<void> {
  await waitForCondition('every ledger entry sealed', async () => {
    const [{ unsealed }] = (await query.query(
      'SELECT count(*)::int AS unsealed FROM ledger_entry WHERE seq IS NULL',
    )) as { unsealed: number }[];
    return unsealed === 0;
  });
}
