/** The modules of DOMAIN.md, in the navigation's order. A module's page is real once `built` is true. */
export const moduleKeys = [
  "intake",
  "speedometer",
  "problems",
  "money",
  "initiatives",
  "service",
  "segments",
  "people",
  "audits",
  "advocate",
  "surveys",
] as const;
export type ModuleKey = (typeof moduleKeys)[number];

// Flip to true in the issue that builds the module; the cockpit and the navigation read it.
export const builtModules: Record<ModuleKey, boolean> = {
  intake: true,
  speedometer: true,
  problems: true,
  money: true,
  initiatives: true,
  service: true,
  segments: true,
  people: false,
  audits: false,
  advocate: false,
  surveys: false,
};

export function workspacePath(slug: string, page?: ModuleKey | "settings"): string {
  const base = `/w/${encodeURIComponent(slug)}`;
  return page ? `${base}/${page}` : base;
}
