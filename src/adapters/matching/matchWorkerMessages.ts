import type { MasterIndexParts } from '../../domain/matching/masterIndexSharing';
import type { MatchResult } from '../../domain/matching/types';
import type { EncodedRecords, EncodedResults } from './matchResultCodec';

/** What the pool may send a match worker. */
export type WorkerRequest =
  | { type: 'index'; indexId: number; parts: MasterIndexParts; /** Index ids the worker keeps (this one included). */ keep: number[] }
  | {
      type: 'match';
      jobId: number;
      indexId: number;
      optionsId: number;
      /** Sent with a worker's first chunk of these options only; later chunks name them by optionsId. */
      options?: WorkerMatchOptions;
      records: EncodedRecords;
    };

/** MatchOptions as a message: the exclusion set as a list, every other option as it is. */
export interface WorkerMatchOptions {
  excludedDomains: string[];
  rest: Record<string, unknown>;
}

export type WorkerReply =
  | { type: 'result'; jobId: number; results: MatchResult[] }
  | { type: 'encoded'; jobId: number; encoded: EncodedResults }
  | { type: 'error'; jobId: number; message: string };
