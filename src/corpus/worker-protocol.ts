import type { BuildWorkers } from "./build-threads.ts";
import type { LoadLimits } from "./limits.ts";

/** What the bot's thread asks the reload worker for (structured-cloned as its `workerData`). */
export interface WorkerRequest {
  readonly dir: string;
  /** As {@link OpenCorpusOptions.cacheDir}. */
  readonly cacheDir: string | false;
  readonly limits?: LoadLimits;
  readonly strict?: boolean;
  /** As {@link OpenCorpusOptions.buildWorkers}. */
  readonly buildWorkers?: BuildWorkers;
  /** Signs the encoded index on its way back: a key made for this one transfer. */
  readonly key: Uint8Array;
}

/** A skipped file as it crosses threads (class instances lose their class). */
export interface ProblemRecord {
  readonly file: string;
  readonly problem: string;
}

/** What the worker sends back, in order: `ready` then `saved`, or one failure. */
export type WorkerReply =
  | {
      readonly kind: "ready";
      /** The corpus in the saved index's format (`index-codec.ts`), signed with {@link key}. */
      readonly encoded: ArrayBuffer;
      /**
       * The request's key; or, with a cache folder, the install's key, as `encoded` is then the
       * saved index itself (the one served, or the one built: encoded once, for both).
       */
      readonly key: Uint8Array;
      readonly fromSavedIndex: boolean;
      readonly warnings: readonly string[];
      readonly filesRead: number;
    }
  | { readonly kind: "saved"; readonly failure: string | undefined }
  | {
      readonly kind: "library-error";
      readonly message: string;
      readonly problems: readonly ProblemRecord[];
    }
  | { readonly kind: "crashed"; readonly message: string; readonly stack: string | undefined };
