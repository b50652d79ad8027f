import { Injectable } from '@nestjs/common';
import {
  nodeKey,
  type Digest,
  type NodeAddress,
  type NodeLookup,
  type StoredNode,
} from '@simpul/ledger-format';
import { TransactionHost } from '@simpul/database';

/**
 * The stored perfect-subtree roots of the RFC 9162 tree over sealed entries (table merkle_node,
 * docs/ledger-format.md "Checkpoints"). Roots and proofs read only the few nodes they need, by
 * primary key, in one statement: never the ledger itself.
 */
@Injectable()
export class MerkleNodeStore {
  constructor(private readonly tx: TransactionHost) {}

  /** How many leaves the stored tree holds: entries 0 … size-1 are in it. */
  async size(): Promise<number> {
    const [row] = await this.tx.manager.query<{ size: string }[]>(
      'SELECT COALESCE(max(idx) + 1, 0)::text AS size FROM merkle_node WHERE level = 0',
    );
    return Number(row.size);
  }

  /** The statement that reads these nodes (exposed so a test can check its plan). */
  static readSql(addresses: readonly NodeAddress[]): { sql: string; params: unknown[] } {
    return {
      sql: `SELECT level, idx::text AS idx, hash FROM merkle_node
             WHERE (level, idx) IN (SELECT * FROM unnest($1::smallint[], $2::bigint[]))`,
      params: [addresses.map((a) => a.level), addresses.map((a) => String(a.index))],
    };
  }

  /** Reads exactly these nodes; a lookup that throws for any other (or a missing one). */
  async lookup(addresses: readonly NodeAddress[]): Promise<NodeLookup> {
    const found = new Map<string, Digest>();
    if (addresses.length > 0) {
      const { sql, params } = MerkleNodeStore.readSql(addresses);
      const rows = await this.tx.manager.query<
        {
          level: number;
          idx: string;
          hash: Buffer;
        }[]
      >(sql, params);
      for (const row of rows) found.set(`${row.level}:${row.idx}`, row.hash);
    }
    return (address) => {
      const hash = found.get(nodeKey(address));
      if (!hash) throw new Error(`merkle node ${nodeKey(address)} is not stored`);
      return hash;
    };
  }

  /** Appends nodes made by nodesForAppend; the caller holds the tree lock. */
  async insert(nodes: readonly StoredNode[]): Promise<void> {
    // Bounded statements: a tree extended by 10,000 leaves stores about 20,000 nodes.
    for (let i = 0; i < nodes.length; i += 5000) {
      const chunk = nodes.slice(i, i + 5000);
      await this.tx.manager.query(
        `INSERT INTO merkle_node (level, idx, hash)
         SELECT l, i, decode(h, 'hex') FROM unnest($1::smallint[], $2::bigint[], $3::text[]) AS n(l, i, h)`,
        [
          chunk.map((n) => n.level),
          chunk.map((n) => String(n.index)),
          chunk.map((n) => n.hash.toString('hex')),
        ],
      );
    }
  }
}
