import { Field, Int, ObjectType } from '@nestjs/graphql';
import { PageInfoModel } from '@simpul/common';
import { HandoffEventModel } from '@simpul/ledger';

/** The contract's types of the ledger's audit API (docs/ledger-format.md). */

@ObjectType('AuditEntryEdge')
export class AuditEntryEdgeModel {
  @Field() cursor: string;
  @Field(() => HandoffEventModel) node: HandoffEventModel;
}

@ObjectType('AuditEntryConnection')
export class AuditEntryConnectionModel {
  @Field(() => [AuditEntryEdgeModel]) edges: AuditEntryEdgeModel[];
  @Field(() => PageInfoModel) pageInfo: PageInfoModel;
  @Field(() => Int) totalCount: number;
}

@ObjectType('AuditCheckpoint', {
  description: 'A signed tree head over the first treeSize ledger entries (RFC 9162 Merkle tree).',
})
export class AuditCheckpointModel {
  @Field() treeSize: string;
  @Field() rootHash: string;
  @Field() issuedAt: Date;
  @Field() keyId: string;
  @Field({ description: "base64 Ed25519 signature over the checkpoint's canonical bytes" })
  signature: string;
}

@ObjectType('InclusionProof')
export class InclusionProofModel {
  @Field() seq: string;
  @Field() treeSize: string;
  @Field() leafHash: string;
  @Field(() => [String]) auditPath: string[];
}

@ObjectType('ConsistencyProof')
export class ConsistencyProofModel {
  @Field() fromSize: string;
  @Field() toSize: string;
  @Field(() => [String]) path: string[];
}
