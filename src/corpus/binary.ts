/**
 * The saved index's container, as the rest of citebot uses it: its layout
 * (`container-layout.ts`), the writer (`container-writer.ts`) and the checked reader
 * (`container-reader.ts`), its signature (`container-signature.ts`) and its string tables and
 * errors (`string-table.ts`).
 */
export { HEADER_BYTES } from "./container-layout.ts";

export { ContainerWriter, signContainer } from "./container-writer.ts";

export { ContainerReader } from "./container-reader.ts";

export { containerSignature, signatureOfPieces, type SignedPart } from "./container-signature.ts";

export {
  checkOffsets,
  checkRange,
  ContainerError,
  StaleContainer,
  StringTable,
} from "./string-table.ts";
