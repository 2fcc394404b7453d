import { useEffect, useRef } from "react";
import { setLanguage, storedLanguage } from "../i18n/index.ts";
import { useUpdateMe } from "./auth.ts";
import type { Me } from "./types.ts";

/**
 * Once per signed-in user: a language chosen on this device wins and is sent to the server; without one,
 * the language saved in the user's profile is adopted (a new device starts in the user's language).
 */
export function useLocaleSync(me: Me): void {
  const synced = useRef<number | null>(null);
  const updateMe = useUpdateMe();
  const { mutate } = updateMe;
  useEffect(() => {
    if (synced.current === me.user.id) return;
    synced.current = me.user.id;
    const chosen = storedLanguage();
    if (!chosen) void setLanguage(me.user.locale);
    else if (chosen !== me.user.locale) mutate({ locale: chosen });
  }, [me.user.id, me.user.locale, mutate]);
}
