import { describe, expect, it } from "vitest";
import { slugify } from "./slug.ts";

describe("slugify", () => {
  it("transliterates Russian and Ukrainian names", () => {
    // и → y, й → i, г → h: the Ukrainian national transliteration, applied to both languages.
    expect(slugify("Домашний уголок")).toBe("domashnyi-uholok");
    expect(slugify("Їжа та Ґанок")).toBe("yizha-ta-ganok");
    expect(slugify("Café Ñandú")).toBe("cafe-nandu");
  });
  it("always yields a valid short name", () => {
    for (const n of ["!", "я", "   ", "a".repeat(80)]) {
      expect(slugify(n)).toMatch(/^[a-z0-9][a-z0-9-]{1,39}$/);
    }
  });
});
