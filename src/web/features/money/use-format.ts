import { useMemo } from "react";
import { formatMoney, formatNumber, useI18n } from "../../i18n/index.ts";
import {
  formatDay,
  formatDecimal,
  formatMoneyShort,
  formatShare,
  formatSignedMoney,
} from "./money-format.ts";

/** The page's number formats bound to the reader's language and the workspace's currency. */
export function useFormat(currency: string) {
  const { language } = useI18n();
  // One object per language and currency, so charts memoised on it redraw only when those change.
  return useMemo(
    () => ({
      language,
      money: (minor: number) => formatMoney(minor, currency, language),
      moneyShort: (minor: number) => formatMoneyShort(minor, currency, language),
      signedMoney: (minor: number) => formatSignedMoney(minor, currency, language),
      share: (value: number) => formatShare(value, language),
      count: (value: number) => formatNumber(value, language),
      decimal: (value: number) => formatDecimal(value, language),
      /** A table column of expected purchases: always two decimals, so the column's points line up. */
      twoDecimals: (value: number) =>
        formatNumber(value, language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
      day: (day: string) => formatDay(day, language),
    }),
    [language, currency],
  );
}

export type Format = ReturnType<typeof useFormat>;
