import type { TextEncodingName } from "./encoding.ts";
import type { ByteSource, TableReader } from "./source.ts";
import { readWhitespaceTable } from "./whitespace.ts";

/**
 * `--format cdnow`: the CDNOW purchase file (Fader, Hardie & Lee 2005; ../shared/data/cdnow/SOURCE.md):
 * no header, CRLF, whitespace-separated: master customer id, sample customer id, YYYYMMDD, CDs, dollars.
 */
export const CDNOW_COLUMNS = ["master_id", "customer_id", "date", "cds", "amount"] as const;

export const readCdnow = (
  source: ByteSource,
  encoding: TextEncodingName | "auto" = "auto",
): Promise<TableReader> => readWhitespaceTable(source, { columns: CDNOW_COLUMNS, format: "cdnow", encoding });

/**
 * The documented mapping for CDNOW orders. The sample id (1..2357) is the customer id because the
 * published summaries (cdnow_customers_summary.csv) use it; the master id and the CD count have no
 * column in `orders`. Order ids are derived (see deriveId); the 19 identical purchase pairs in the file
 * stay two orders each. Dates are calendar days, so UTC keeps them on the day written; amounts are USD.
 */
export const CDNOW_PRESET = {
  entity: "orders",
  overrides: {
    customer_id: "customer_external_id",
    date: "ordered_at",
    amount: "amount",
    master_id: "ignore",
    cds: "ignore",
  },
  currency: "USD",
  timeZone: "UTC",
} as const;
