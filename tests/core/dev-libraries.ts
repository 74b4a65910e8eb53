import path from "node:path";
import { CitationIndex, type RankingOptions } from "../../src/core/index.ts";
import { loadArticles } from "../../src/corpus/load.ts";
import { defaultSynonyms } from "../../src/corpus/wordnet.ts";
import { defaultWordVectors } from "../../src/corpus/word-vectors.ts";
import { DEFAULT_DATA_DIR } from "../../src/paths.ts";
import { ROOT } from "../helpers.ts";

/** The dev sets' libraries: each blind set's articles alone, and with the seed and the eval sheets. */
export interface DevLibraries {
  // The discord-style dev sets of issue 10 (copied from shared/eval into tests/fixtures/eval)
  // and their library (tests/fixtures/articles/eval: the fact sheets and the 2024 sheet).
  readonly seedOnly: CitationIndex;
  readonly library: CitationIndex;
  readonly sheetsOnly: CitationIndex;
  // The seed with the two connected-vehicle articles (tests/fixtures/articles/md), as
  // quality.test.ts asks the vehicle sets.
  readonly vehiclesLibrary: CitationIndex;
  // A held-out set written blind by a helper who never ran citebot: four other fact sheets
  // of the archive (tests/fixtures/articles/blind-factsheets), alone and with the library.
  readonly blindOnly: CitationIndex;
  readonly blindLibrary: CitationIndex;
  // Another, written blind on 1–2 December by a helper who never ran citebot, on four articles
  // of other kinds (two 2022–2023 fact sheets, a readout, a press release:
  // tests/fixtures/articles/blind-mixed). Its failures were looked at once it was scored.
  readonly mixedOnly: CitationIndex;
  readonly mixedLibrary: CitationIndex;
  // Another, written blind on 2 December by a helper who never ran citebot, on four transcripts
  // (two press briefings, two remarks with several speakers: tests/fixtures/articles/blind-transcripts),
  // asked of those four alone.
  readonly transcriptsOnly: CitationIndex;
  // And one more, the same afternoon, on four presidential actions (an executive order, a
  // proclamation, a letter to Congress, a memorandum: tests/fixtures/articles/blind-actions).
  readonly actionsOnly: CitationIndex;
  // And Discord-style questions on four more fact sheets, written blind on 3 December by two
  // helpers who never ran citebot (tests/fixtures/articles/blind-discord-sheets): alone, and
  // with the seed and the four eval sheets.
  readonly discordSheetsOnly: CitationIndex;
  readonly discordSheetsLibrary: CitationIndex;
  // A second such set, the same afternoon, on four more (Iran, military readiness, the FCPA,
  // the Houthis: tests/fixtures/articles/blind-discord-sheets-2), held out while the rules
  // measured on the first were written.
  readonly discordSheets2Only: CitationIndex;
  readonly discordSheets2Library: CitationIndex;
  // A third, written as the session's final check (banking, commercial space, healthcare
  // prices, a commission: tests/fixtures/articles/blind-discord-sheets-3).
  readonly discordSheets3Only: CitationIndex;
  // A fourth, written blind at the start of 3 December's evening session (invasive carp,
  // 6G spectrum, pharmaceutical tariffs, wildfires: tests/fixtures/articles/blind-discord-sheets-4).
  readonly discordSheets4Only: CitationIndex;
  // A fifth, written the same way and held out until the evening session's rules were done
  // (Washington D.C., state energy laws, a Swiss trade deal, aircraft imports:
  // tests/fixtures/articles/blind-discord-sheets-5).
  readonly discordSheets5Only: CitationIndex;
  // A sixth, written blind on 3 December's night session and scored once before any of its
  // rules (timber, food supply chain, IVF, a Saudi defence partnership:
  // tests/fixtures/articles/blind-discord-sheets-6).
  readonly discordSheets6Only: CitationIndex;
  // A seventh, written blind at the start of 4 December's session and scored before any of
  // its changes (women's sports, the MAHA commission, national-security collective
  // bargaining, a China trade deal: tests/fixtures/articles/blind-discord-sheets-7).
  readonly discordSheets7Only: CitationIndex;
  // An eighth, written blind in the middle of 4 December's session and held out until then
  // (the EU trade deal, the Jackson magnolia, a new federal employee category, Malaysia:
  // tests/fixtures/articles/blind-discord-sheets-8).
  readonly discordSheets8Only: CitationIndex;
  // A ninth, written blind at the start of 4 December's morning session and scored before
  // any of its changes (seafood, a religious liberty commission, the Japan trade deal,
  // classical federal architecture: tests/fixtures/articles/blind-discord-sheets-9).
  readonly discordSheets9Only: CitationIndex;
  // A tenth, written blind in 4 December's late morning by two helpers who never saw the code
  // and scored at the session's start and end (steel and aluminium tariffs, the US-UK deal,
  // Western Hemisphere trade deals, children and families:
  // tests/fixtures/articles/blind-discord-sheets-10).
  readonly discordSheets10Only: CitationIndex;
  // A twelfth, written blind on 4 December's afternoon by a helper who never saw the code and
  // held out for a session and a half (rural health, cybercrime, the China deals of May 2026,
  // space transportation: tests/fixtures/articles/blind-discord-sheets-12).
  readonly discordSheets12Only: CitationIndex;
  // A fourteenth, written blind on 4 December's evening by a helper who never saw the code
  // (homeless veterans, data centres' power, self-deportation, addiction), scored once
  // before it was read: tests/fixtures/articles/blind-discord-sheets-14.
  readonly discordSheets14Only: CitationIndex;
  // A sixteenth, written blind on 4 December's night by a helper who never saw the code (ending
  // DEI programmes, coal, data-centre permits, Venezuelan oil revenue), scored once before it
  // was read: tests/fixtures/articles/blind-discord-sheets-16.
  readonly discordSheets16Only: CitationIndex;
  // A twentieth, written blind on 5 December's morning by a helper who never saw the code
  // (defence contractors' buybacks, taxpayer funding of abortion, advanced nuclear reactors for
  // defence, the Great Healthcare Plan), scored once before it was read:
  // tests/fixtures/articles/blind-discord-sheets-20.
  readonly discordSheets20Only: CitationIndex;
  // A twenty-second, written blind on 5 December's afternoon by a helper who never saw the code
  // (COVID-19 testing, the crisis in northern Ethiopia, methane emissions, broadband
  // affordability), scored once before it was read: tests/fixtures/articles/blind-discord-sheets-22.
  readonly discordSheets22Only: CitationIndex;
  // A twenty-third, written alongside it by another helper (disaster resilience, tribal nations,
  // small business equity, the Los Angeles migration declaration), held out for a session and
  // scored three times before it was read: tests/fixtures/articles/blind-discord-sheets-23.
  readonly discordSheets23Only: CitationIndex;
  // A twenty-fourth, written blind on 5 December's evening by a helper who never saw the code
  // (EV investments, hunger and food systems, the 2023 North American Leaders' Summit, the
  // Colonial Pipeline), scored twice before it was read: tests/fixtures/articles/blind-discord-sheets-24.
  readonly discordSheets24Only: CitationIndex;
  // A twenty-fifth, written alongside the twenty-fourth (gas prices, IVF, agency climate
  // adaptation plans, the American Climate Corps), held out for a session and scored four times
  // before it was read: tests/fixtures/articles/blind-discord-sheets-25.
  readonly discordSheets25Only: CitationIndex;
  // Two written together in session 38 and held out through it, scored after each change of
  // the session by their last line only: the twenty-sixth (renters and landlords, offshore wind,
  // the Castner Range monument, the Section 232 tariffs) and the twenty-seventh (the ports of Los
  // Angeles and Long Beach, Small Business Saturday, the Gateway tunnel, suicide prevention).
  readonly discordSheets26Only: CitationIndex;
  readonly discordSheets27Only: CitationIndex;
  // Two written together in session 38 and held out through sessions 38 and 39, scored after
  // each change by their last line only: the twenty-eighth (Build Back Better World, the Buy
  // American rule, the Pacific Islands, the SAVE student-loan plan) and the twenty-ninth (voter
  // participation, Ukraine and the G7, pandemic relief for college students, vehicle standards).
  readonly discordSheets28Only: CitationIndex;
  readonly discordSheets29Only: CitationIndex;
  // Two written together in session 39 and held out through sessions 39 and 40, scored after
  // each change by their last line only: the thirtieth (foreign investment and national
  // security, COVID.gov, the PACT Act, the ransomware summit) and the thirty-first (the EU-US
  // data privacy order, overdose awareness funding, root causes of migration, American Climate
  // Corps listening sessions).
  readonly discordSheets30Only: CitationIndex;
  readonly discordSheets31Only: CitationIndex;
}

/**
 * Loads every dev library (the fixture articles, indexed with WordNet and word vectors).
 *
 * @param ranking - options merged over the defaults (a sweep's setting; none for the tests).
 */
export async function loadDevLibraries(
  ranking: Partial<RankingOptions> = {},
): Promise<DevLibraries> {
  /** The articles of a folder of tests/fixtures/articles. */
  const fixture = async (folder: string) =>
    (await loadArticles(path.join(ROOT, "tests/fixtures/articles", folder))).articles;
  const seed = (await loadArticles(DEFAULT_DATA_DIR)).articles;
  const sheets = await fixture("eval");
  const blind = await fixture("blind-factsheets");
  const options = { synonyms: defaultSynonyms, wordVectors: defaultWordVectors, ...ranking };
  const seedOnly = new CitationIndex(seed, options);
  const library = new CitationIndex([...seed, ...sheets], options);
  const sheetsOnly = new CitationIndex(sheets, options);
  const vehicles = await fixture("md");
  const vehiclesLibrary = new CitationIndex([...seed, ...vehicles], options);
  const blindOnly = new CitationIndex(blind, options);
  const blindLibrary = new CitationIndex([...seed, ...sheets, ...blind], options);
  const mixed = await fixture("blind-mixed");
  const mixedOnly = new CitationIndex(mixed, options);
  const mixedLibrary = new CitationIndex([...seed, ...sheets, ...blind, ...mixed], options);
  const transcripts = await fixture("blind-transcripts");
  const transcriptsOnly = new CitationIndex(transcripts, options);
  const actions = await fixture("blind-actions");
  const actionsOnly = new CitationIndex(actions, options);
  const discordSheets = await fixture("blind-discord-sheets");
  const discordSheetsOnly = new CitationIndex(discordSheets, options);
  const discordSheetsLibrary = new CitationIndex([...seed, ...sheets, ...discordSheets], options);
  const discordSheets2 = await fixture("blind-discord-sheets-2");
  const discordSheets2Only = new CitationIndex(discordSheets2, options);
  const discordSheets3Only = new CitationIndex(await fixture("blind-discord-sheets-3"), options);
  const discordSheets4Only = new CitationIndex(await fixture("blind-discord-sheets-4"), options);
  const discordSheets5Only = new CitationIndex(await fixture("blind-discord-sheets-5"), options);
  const discordSheets6Only = new CitationIndex(await fixture("blind-discord-sheets-6"), options);
  const discordSheets7Only = new CitationIndex(await fixture("blind-discord-sheets-7"), options);
  const discordSheets8Only = new CitationIndex(await fixture("blind-discord-sheets-8"), options);
  const discordSheets9Only = new CitationIndex(await fixture("blind-discord-sheets-9"), options);
  const discordSheets10Only = new CitationIndex(await fixture("blind-discord-sheets-10"), options);
  const discordSheets12Only = new CitationIndex(await fixture("blind-discord-sheets-12"), options);
  const discordSheets14Only = new CitationIndex(await fixture("blind-discord-sheets-14"), options);
  const discordSheets16Only = new CitationIndex(await fixture("blind-discord-sheets-16"), options);
  const discordSheets20Only = new CitationIndex(await fixture("blind-discord-sheets-20"), options);
  const discordSheets22Only = new CitationIndex(await fixture("blind-discord-sheets-22"), options);
  const discordSheets23Only = new CitationIndex(await fixture("blind-discord-sheets-23"), options);
  const discordSheets24Only = new CitationIndex(await fixture("blind-discord-sheets-24"), options);
  const discordSheets25Only = new CitationIndex(await fixture("blind-discord-sheets-25"), options);
  const discordSheets26Only = new CitationIndex(await fixture("blind-discord-sheets-26"), options);
  const discordSheets27Only = new CitationIndex(await fixture("blind-discord-sheets-27"), options);
  const discordSheets28Only = new CitationIndex(await fixture("blind-discord-sheets-28"), options);
  const discordSheets29Only = new CitationIndex(await fixture("blind-discord-sheets-29"), options);
  const discordSheets30Only = new CitationIndex(await fixture("blind-discord-sheets-30"), options);
  const discordSheets31Only = new CitationIndex(await fixture("blind-discord-sheets-31"), options);
  const discordSheets2Library = new CitationIndex(
    [...seed, ...sheets, ...discordSheets, ...discordSheets2],
    options,
  );
  return {
    seedOnly,
    library,
    sheetsOnly,
    vehiclesLibrary,
    blindOnly,
    blindLibrary,
    mixedOnly,
    mixedLibrary,
    transcriptsOnly,
    actionsOnly,
    discordSheetsOnly,
    discordSheetsLibrary,
    discordSheets2Only,
    discordSheets2Library,
    discordSheets3Only,
    discordSheets4Only,
    discordSheets5Only,
    discordSheets6Only,
    discordSheets7Only,
    discordSheets8Only,
    discordSheets9Only,
    discordSheets10Only,
    discordSheets12Only,
    discordSheets14Only,
    discordSheets16Only,
    discordSheets20Only,
    discordSheets22Only,
    discordSheets23Only,
    discordSheets24Only,
    discordSheets25Only,
    discordSheets26Only,
    discordSheets27Only,
    discordSheets28Only,
    discordSheets29Only,
    discordSheets30Only,
    discordSheets31Only,
  };
}

/** A dev set as the floors test scores it: its name, its questions' file and the library asked. */
export interface DevScoring {
  readonly name: string;
  readonly file: string;
  readonly library: (libs: DevLibraries) => CitationIndex;
}

/**
 * Every dev set with the library it is asked of, as `quality.test.ts` and
 * `discord-quality.test.ts` check them. `bench/dev-sweep.ts` scores them all.
 */
export const DEV_SCORINGS: readonly DevScoring[] = [
  { name: "visible seed / seed", file: "seed-questions.jsonl", library: (l) => l.seedOnly },
  { name: "paraphrases / seed", file: "seed-paraphrases.jsonl", library: (l) => l.seedOnly },
  { name: "blind seed / seed", file: "blind-seed.jsonl", library: (l) => l.seedOnly },
  {
    name: "vehicles / seed+md",
    file: "connected-vehicles.jsonl",
    library: (l) => l.vehiclesLibrary,
  },
  {
    name: "blind vehicles / seed+md",
    file: "blind-vehicles.jsonl",
    library: (l) => l.vehiclesLibrary,
  },
  { name: "discord seed / seed", file: "discord-seed.jsonl", library: (l) => l.seedOnly },
  { name: "discord seed / library", file: "discord-seed.jsonl", library: (l) => l.library },
  { name: "discord sheets / library", file: "discord-articles.jsonl", library: (l) => l.library },
  { name: "discord sheets / sheets", file: "discord-articles.jsonl", library: (l) => l.sheetsOnly },
  { name: "blind sheets / own", file: "blind-factsheets.jsonl", library: (l) => l.blindOnly },
  {
    name: "blind sheets / library",
    file: "blind-factsheets.jsonl",
    library: (l) => l.blindLibrary,
  },
  { name: "blind mixed / own", file: "blind-mixed.jsonl", library: (l) => l.mixedOnly },
  { name: "blind mixed / library", file: "blind-mixed.jsonl", library: (l) => l.mixedLibrary },
  { name: "transcripts / own", file: "blind-transcripts.jsonl", library: (l) => l.transcriptsOnly },
  { name: "actions / own", file: "blind-actions.jsonl", library: (l) => l.actionsOnly },
  {
    name: "blind discord 1 / own",
    file: "blind-discord-sheets.jsonl",
    library: (l) => l.discordSheetsOnly,
  },
  {
    name: "blind discord 1 / library",
    file: "blind-discord-sheets.jsonl",
    library: (l) => l.discordSheetsLibrary,
  },
  {
    name: "blind discord 2 / own",
    file: "blind-discord-sheets-2.jsonl",
    library: (l) => l.discordSheets2Only,
  },
  {
    name: "blind discord 2 / library",
    file: "blind-discord-sheets-2.jsonl",
    library: (l) => l.discordSheets2Library,
  },
  {
    name: "blind discord 3 / own",
    file: "blind-discord-sheets-3.jsonl",
    library: (l) => l.discordSheets3Only,
  },
  {
    name: "blind discord 4 / own",
    file: "blind-discord-sheets-4.jsonl",
    library: (l) => l.discordSheets4Only,
  },
  {
    name: "blind discord 5 / own",
    file: "blind-discord-sheets-5.jsonl",
    library: (l) => l.discordSheets5Only,
  },
  {
    name: "blind discord 6 / own",
    file: "blind-discord-sheets-6.jsonl",
    library: (l) => l.discordSheets6Only,
  },
  {
    name: "blind discord 7 / own",
    file: "blind-discord-sheets-7.jsonl",
    library: (l) => l.discordSheets7Only,
  },
  {
    name: "blind discord 8 / own",
    file: "blind-discord-sheets-8.jsonl",
    library: (l) => l.discordSheets8Only,
  },
  {
    name: "blind discord 9 / own",
    file: "blind-discord-sheets-9.jsonl",
    library: (l) => l.discordSheets9Only,
  },
  {
    name: "blind discord 10 / own",
    file: "blind-discord-sheets-10.jsonl",
    library: (l) => l.discordSheets10Only,
  },
  {
    name: "blind discord 12 / own",
    file: "blind-discord-sheets-12.jsonl",
    library: (l) => l.discordSheets12Only,
  },
  {
    name: "blind discord 14 / own",
    file: "blind-discord-sheets-14.jsonl",
    library: (l) => l.discordSheets14Only,
  },
  {
    name: "blind discord 16 / own",
    file: "blind-discord-sheets-16.jsonl",
    library: (l) => l.discordSheets16Only,
  },
  {
    name: "blind discord 20 / own",
    file: "blind-discord-sheets-20.jsonl",
    library: (l) => l.discordSheets20Only,
  },
  {
    name: "blind discord 22 / own",
    file: "blind-discord-sheets-22.jsonl",
    library: (l) => l.discordSheets22Only,
  },
  {
    name: "blind discord 23 / own",
    file: "blind-discord-sheets-23.jsonl",
    library: (l) => l.discordSheets23Only,
  },
  {
    name: "blind discord 24 / own",
    file: "blind-discord-sheets-24.jsonl",
    library: (l) => l.discordSheets24Only,
  },
  {
    name: "blind discord 25 / own",
    file: "blind-discord-sheets-25.jsonl",
    library: (l) => l.discordSheets25Only,
  },
  {
    name: "blind discord 26 / own",
    file: "blind-discord-sheets-26.jsonl",
    library: (l) => l.discordSheets26Only,
  },
  {
    name: "blind discord 27 / own",
    file: "blind-discord-sheets-27.jsonl",
    library: (l) => l.discordSheets27Only,
  },
  {
    name: "blind discord 28 / own",
    file: "blind-discord-sheets-28.jsonl",
    library: (l) => l.discordSheets28Only,
  },
  {
    name: "blind discord 29 / own",
    file: "blind-discord-sheets-29.jsonl",
    library: (l) => l.discordSheets29Only,
  },
  {
    name: "blind discord 30 / own",
    file: "blind-discord-sheets-30.jsonl",
    library: (l) => l.discordSheets30Only,
  },
  {
    name: "blind discord 31 / own",
    file: "blind-discord-sheets-31.jsonl",
    library: (l) => l.discordSheets31Only,
  },
];
