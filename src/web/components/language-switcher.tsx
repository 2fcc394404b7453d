import { Button, Menu } from "@mantine/core";
import { useMe, useUpdateMe } from "../app/auth.ts";
import { type Language, languageNames, languages, setLanguage, useI18n } from "../i18n/index.ts";

/** Switches the language anywhere, remembers it on this device, and tells the server when signed in. */
export function LanguageSwitcher() {
  const { t, language } = useI18n();
  const me = useMe();
  const updateMe = useUpdateMe();
  const choose = async (next: Language) => {
    await setLanguage(next);
    if (me.data && me.data.user.locale !== next) updateMe.mutate({ locale: next });
  };
  return (
    <Menu position="bottom-end" shadow="md" width={180}>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          c="gray.9"
          size="compact-md"
          leftSection={<GlobeIcon />}
          aria-label={t("language.current", { name: languageNames[language].name })}
          data-testid="language-switcher"
        >
          {languageNames[language].short}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t("language.label")}</Menu.Label>
        {languages.map((l) => (
          <Menu.Item
            key={l}
            lang={l}
            onClick={() => void choose(l)}
            aria-current={l === language ? "true" : undefined}
            fw={l === language ? 700 : 400}
            rightSection={l === language ? <span aria-hidden="true">✓</span> : null}
            data-testid={`language-${l}`}
          >
            {languageNames[l].name}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

function GlobeIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="1.8" />
      <path
        d="M3 12h18M12 3c2.5 2.7 3.8 5.7 3.8 9s-1.3 6.3-3.8 9c-2.5-2.7-3.8-5.7-3.8-9S9.5 5.7 12 3z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
      />
    </svg>
  );
}
