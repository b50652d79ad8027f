import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { LedgerTree, TREE_EXTEND_BATCH } from './ledger-tree';

/** While the tree is current, look for newly sealed entries this often. */
const IDLE_MS = 250;
const AFTER_ERROR_MS = 2000;

/**
 * The worker's loop that keeps the Merkle tree up with the sealed ledger and signs a checkpoint
 * every CHECKPOINT_EVERY_ENTRIES entries or CHECKPOINT_EVERY_MS (docs/ledger-format.md,
 * "Checkpoints"). Every worker runs one; a transaction-level advisory lock lets one at a time
 * work, so several workers neither race nor double-sign. It reads only ledger_head's count and
 * the new entries' hashes: the sequencer's seal statement is untouched.
 */
@Injectable()
export class LedgerCheckpointer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(LedgerCheckpointer.name);
  private stopped = false;
  private running: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(private readonly tree: LedgerTree) {}

  onApplicationBootstrap(): void {
    this.running = this.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.running;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let pauseMs = IDLE_MS;
      try {
        const added = await this.tree.tick();
        if (added >= TREE_EXTEND_BATCH) pauseMs = 0;
      } catch (error) {
        if (this.stopped) return;
        this.logger.warn(`Ledger tree not extended (${(error as Error).message}); retrying`);
        pauseMs = AFTER_ERROR_MS;
      }
      if (pauseMs > 0) await this.pause(pauseMs);
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
