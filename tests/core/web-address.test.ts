import { describe } from "vitest";
import { itAnswersEachRow, type ShortAnswerRow } from "./short-answer-table.ts";

/** "Where" asked of what is found online: a web address answers it; a place, it does not. */
const TABLE: readonly ShortAnswerRow[] = [
  [
    "where's the list of participating providers",
    "place",
    "To find a list of participating providers in the program, please visit www.fcc.gov/acp-providers.",
    "www.fcc.gov/acp-providers",
  ],
  [
    "where can i apply for the discount",
    "place",
    "Eligible households can apply online at https://acpbenefit.org/how-to-apply/ or by mail.",
    "https://acpbenefit.org/how-to-apply/",
  ],
  // A place still answers before an address: the dictionary's name comes first.
  [
    "where can i find information on the program",
    "place",
    "Information is available in Chicago, and also at www.example.gov.",
    "Chicago",
  ],
  // Where a plant is built is no web page.
  [
    "where will the new plant be built",
    "place",
    "The company has not chosen a site; updates are posted at www.example.com.",
    null,
  ],
];

describe("a web address answers a 'where' asked of what is found online", () => {
  itAnswersEachRow(TABLE);
});
