// Discord's message and autocomplete limits, checked the way Discord does: a reply that breaks one
// is refused with 400, so the bot cannot pass a test with a body Discord would reject.

import type { Loose } from "./types.ts";

/** Problems of a message body (callback data, webhook edit or followup); empty when Discord accepts it. */
export function messageProblems(body: Loose, { edit = false } = {}): string[] {
  const problems: string[] = [];
  if (body === null || typeof body !== "object") return ["body is not an object"];
  const content: unknown = body.content;
  if (content !== undefined && content !== null) {
    if (typeof content !== "string") problems.push("content is not a string");
    else if (content.length > 2000)
      problems.push(`content has ${content.length} > 2000 characters`);
  }
  const embeds: Loose[] = Array.isArray(body.embeds) ? body.embeds : [];
  if (embeds.length > 10) problems.push(`${embeds.length} > 10 embeds`);
  let total = 0;
  embeds.forEach((embed, i) => {
    const check = (value: unknown, max: number, what: string): void => {
      if (value === undefined || value === null) return;
      if (typeof value !== "string")
        return void problems.push(`embed ${i} ${what} is not a string`);
      total += value.length;
      if (value.length > max) problems.push(`embed ${i} ${what} has ${value.length} > ${max}`);
    };
    check(embed.title, 256, "title");
    check(embed.description, 4096, "description");
    check(embed.footer?.text, 2048, "footer");
    check(embed.author?.name, 256, "author");
    const fields: Loose[] = Array.isArray(embed.fields) ? embed.fields : [];
    if (fields.length > 25) problems.push(`embed ${i} has ${fields.length} > 25 fields`);
    fields.forEach((field, j) => {
      check(field.name, 256, `field ${j} name`);
      check(field.value, 1024, `field ${j} value`);
      if (!field.name || !field.value) problems.push(`embed ${i} field ${j} is empty`);
    });
    if (embed.url !== undefined && !/^https?:\/\//.test(String(embed.url))) {
      problems.push(`embed ${i} url is not http(s)`);
    }
  });
  if (total > 6000) problems.push(`embeds have ${total} > 6000 characters in all`);
  const rows: Loose[] = Array.isArray(body.components) ? body.components : [];
  if (rows.length > 5) problems.push(`${rows.length} > 5 action rows`);
  rows.forEach((row, i) => {
    const parts: Loose[] = Array.isArray(row.components) ? row.components : [];
    if (row.type !== 1) problems.push(`component ${i} is not an action row`);
    if (parts.length < 1 || parts.length > 5) problems.push(`row ${i} has ${parts.length} buttons`);
    parts.forEach((part, j) => {
      if (typeof part.label === "string" && part.label.length > 80) {
        problems.push(`row ${i} button ${j} label > 80`);
      }
      if (part.style !== 5 && (typeof part.custom_id !== "string" || part.custom_id.length > 100)) {
        problems.push(`row ${i} button ${j} custom_id missing or > 100`);
      }
    });
  });
  const hasSomething =
    (typeof content === "string" && content.length > 0) || embeds.length > 0 || rows.length > 0;
  if (!edit && !hasSomething) problems.push("Cannot send an empty message");
  return problems;
}

/** Problems of an autocomplete answer (callback type 8). */
export function autocompleteProblems(data: Loose): string[] {
  const choices: Loose[] = Array.isArray(data?.choices) ? data.choices : [];
  const problems: string[] = [];
  if (!Array.isArray(data?.choices)) problems.push("choices missing");
  if (choices.length > 25) problems.push(`${choices.length} > 25 choices`);
  choices.forEach((choice, i) => {
    const name = String(choice.name ?? "");
    if (name.length < 1 || name.length > 100) problems.push(`choice ${i} name has ${name.length}`);
    if (typeof choice.value === "string" && choice.value.length > 100) {
      problems.push(`choice ${i} value has ${choice.value.length} > 100`);
    }
  });
  return problems;
}
