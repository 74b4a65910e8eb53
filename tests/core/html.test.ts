import { describe, expect, it } from "vitest";
import { htmlFragmentBlocks } from "../../src/core/article/dom.ts";
import { parseHtmlPage } from "../../src/core/article/html.ts";

const PAGE = `<!doctype html><html><head><title>Tariffs rise</title>
<link rel="canonical" href="https://example.com/tariffs">
<meta property="article:published_time" content="2025-03-06T16:25:44-05:00">
<meta name="author" content="Jane Doe"><meta property="og:site_name" content="Example News">
<script>document.title = "hijacked"</script><style>p { color: red }</style></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Tariffs rise</h1>
<p>The government raised <a href="/t">tariffs</a> on imported cars to <em>25%</em> on Tuesday,
officials said in a statement released this morning to reporters gathered in the capital.</p>
<h2>What changes</h2>
<ul><li>Cars pay 25% from April.<ul><li>Trucks are exempt until May.</li></ul></li><li>Parts pay 10%.</li></ul>
<table><thead><tr><th>Item</th><th>Rate</th></tr></thead><tbody><tr><td>Cars</td><td>25%</td></tr></tbody></table>
<p>Economists expect prices to climb by several thousand dollars per vehicle over the coming
year, according to analysts who follow the industry closely.</p></article>
<footer>Copyright Example News</footer></body></html>`;

describe("parseHtmlPage (Readability over linkedom)", () => {
  it("GIVEN a news page with navigation, scripts and a footer THEN only the article's passages remain, with headings, list lead-ins and table headers as context", () => {
    const page = parseHtmlPage(PAGE);
    expect(page.blocks).toEqual([
      {
        text: "The government raised tariffs on imported cars to 25% on Tuesday, officials said in a statement released this morning to reporters gathered in the capital.",
      },
      { text: "Cars pay 25% from April.", context: "What changes" },
      { text: "Trucks are exempt until May.", context: "What changes — Cars pay 25% from April." },
      { text: "Parts pay 10%.", context: "What changes" },
      { text: "Cars | 25%", context: "What changes — Item | Rate" },
      {
        text: "Economists expect prices to climb by several thousand dollars per vehicle over the coming year, according to analysts who follow the industry closely.",
        context: "What changes",
      },
    ]);
  });

  it("GIVEN a page's metadata THEN title, byline, site, date and canonical address are read", () => {
    expect(parseHtmlPage(PAGE)).toMatchObject({
      title: "Tariffs rise",
      byline: "Jane Doe",
      siteName: "Example News",
      publishedTime: "2025-03-06T16:25:44-05:00",
      url: "https://example.com/tariffs",
    });
  });

  it("GIVEN a page with no text THEN it gives no passages rather than failing", () => {
    expect(parseHtmlPage("<html><body><img src=x.png></body></html>").blocks).toEqual([]);
    expect(parseHtmlPage("").blocks).toEqual([]);
  });
});

describe("htmlFragmentBlocks", () => {
  it("GIVEN a figure holding only an image and a comment THEN it gives nothing", () => {
    expect(
      htmlFragmentBlocks('<figure><a href="x"><img src="y.jpg"></a></figure><!-- note -->'),
    ).toEqual([]);
  });

  it("GIVEN a caption and a table without a header THEN the caption is a passage and rows have no context", () => {
    expect(
      htmlFragmentBlocks(
        "<figure><table><tr><td>A</td><td></td><td>1</td></tr></table><figcaption>Source: <b>CBO</b></figcaption></figure>",
      ),
    ).toEqual([{ text: "A | 1" }, { text: "Source: CBO" }]);
  });
});
