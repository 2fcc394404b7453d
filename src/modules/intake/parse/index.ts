// The pure parsing layer of intake: readers (CSV, JSONL, XLSX, CDNOW), value parsers, column mapping,
// typed rows and CSV export. No database, no clock; the import pipeline builds on this.
export { CDNOW_COLUMNS, CDNOW_PRESET, readCdnow } from "./cdnow.ts";
export { parseEmail, parsePhone } from "./contacts.ts";
export { type CsvDelimiter, type CsvOptions, detectDelimiter, readCsv, uniqueColumns } from "./csv.ts";
export { FastOrderRows, FastOrdersLane, grown, type LineOutcome } from "./csv-fast.ts";
export { type CsvLimits, CsvTokenizer, defaultCsvLimits } from "./csv-tokenizer.ts";
export { isCurrencyCode, minorDigits, parseCurrency, stripCurrency } from "./currency.ts";
export {
  type DateOptions,
  type DateOrder,
  type DateOrderDecision,
  inferDateOrder,
  parseDateTime,
  serialToWall,
} from "./dates.ts";
export { deriveId, OccurrenceCounter } from "./derive-id.ts";
export {
  type DecodeOptions,
  decodeStream,
  type EncodingGuess,
  scanUtf8,
  sniffEncoding,
  type TextEncodingName,
} from "./encoding.ts";
export {
  type EnumName,
  enumValues,
  type FeedbackKind,
  type Language,
  type OrderStatus,
  parseEnum,
  type RequestChannel,
  type RequestKind,
  type RequestStatus,
} from "./enums.ts";
export {
  type CsvExportOptions,
  csvField,
  csvLine,
  type ExportValue,
  neutralizeCell,
  toCsv,
  writeCsv,
} from "./export.ts";
export {
  ENTITIES,
  type EntityKind,
  type EntitySpec,
  type FieldSpec,
  type FieldType,
  fieldSpec,
} from "./fields.ts";
export { type ColumnFormats, type FormatHints, inferColumnFormats } from "./formats.ts";
export {
  describeIssue,
  type FileNotice,
  type IssueCode,
  type IssueParams,
  type RowIssue,
} from "./issues.ts";
export { type JsonlOptions, readJsonl } from "./jsonl.ts";
export {
  autoMap,
  type ColumnMapping,
  type MapHow,
  type Mapping,
  type MappingError,
  type MappingOptions,
  type MappingOutcome,
  parseMapArgs,
} from "./mapping.ts";
export { type MoneyOptions, parseMoney, readMoney } from "./money.ts";
export {
  type DecimalDecision,
  type DecimalSeparator,
  inferDecimalSeparator,
  parseInteger,
  parseNumber,
  scanDecimal,
} from "./numbers.ts";
export {
  type ConvertedBatch,
  type ConvertOptions,
  type CustomerRef,
  type CustomerRow,
  createRowConverter,
  type EntityRows,
  type FeedbackRow,
  type OrderRow,
  type RequestRow,
  type RowConverter,
  type RowResult,
} from "./rows.ts";
export {
  type ByteSource,
  collectRows,
  type JsonValue,
  type RawCell,
  type SourceFormat,
  type SourceRow,
  type TableReader,
} from "./source.ts";
export { guessFormat, type OpenFormat, type OpenOptions, openTable } from "./table.ts";
export { isValidTimeZone, zonedToUtc } from "./time-zone.ts";
export { isBlank, parseBoolean, parseText, type ValueFailure, type ValueResult } from "./values.ts";
export { readWhitespaceTable, type WhitespaceOptions } from "./whitespace.ts";
export { readXlsx, type XlsxOptions } from "./xlsx.ts";
