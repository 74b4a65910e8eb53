import type { Candidate } from "./score.ts";

/** Each candidate's credit, place and notes per question word, in one buffer each a question. */
export class CandidateTables {
  readonly credits: Float64Array;
  readonly places: Uint8Array;
  /** Bits of TermNote, which has more than eight (a byte held only the first eight). */
  readonly notes: Uint16Array;
  /**
   * A word's credit that the rules of its name took away only because a word that may be an
   * initialism ("EO" of "EO 14241") is not in the article: given back where the passage spells
   * the initialism out (Initialisms). 0: none withheld.
   */
  readonly withheld: Float64Array;

  constructor(
    count: number,
    readonly terms: number,
  ) {
    this.credits = new Float64Array(count * terms);
    this.places = new Uint8Array(count * terms);
    this.notes = new Uint16Array(count * terms);
    this.withheld = new Float64Array(count * terms);
  }
}

/**
 * A candidate whose per-word arrays are views of its row of the question's tables, made when
 * first read: only the leading candidates' are (30 of about 180), and three small typed
 * arrays for each candidate were a third of the bytes a question allocated.
 */
export class ScoredCandidate implements Candidate {
  kindFits = false;
  answerCredit = 0;
  private creditsView: Float64Array | undefined;
  private placesView: Uint8Array | undefined;
  private notesView: Uint16Array | undefined;
  private withheldView: Float64Array | undefined;

  constructor(
    readonly sentenceId: number,
    public score: number,
    public coverage: number,
    public withNeighbor: number,
    public missingName: boolean,
    public missingAttribute: boolean,
    private readonly tables: CandidateTables,
    private readonly row: number,
  ) {}

  get credits(): Float64Array {
    this.creditsView ??= this.tables.credits.subarray(this.row, this.row + this.tables.terms);
    return this.creditsView;
  }

  get places(): Uint8Array {
    this.placesView ??= this.tables.places.subarray(this.row, this.row + this.tables.terms);
    return this.placesView;
  }

  get notes(): Uint16Array {
    this.notesView ??= this.tables.notes.subarray(this.row, this.row + this.tables.terms);
    return this.notesView;
  }

  get withheld(): Float64Array {
    this.withheldView ??= this.tables.withheld.subarray(this.row, this.row + this.tables.terms);
    return this.withheldView;
  }
}
