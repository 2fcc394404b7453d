/** Import direction: web → (HTTP only) → modules → platform. See docs/decisions/0001-layout.md. */
module.exports = {
  forbidden: [
    {
      name: "platform-imports-no-module",
      comment: "src/platform is what every module stands on; it must not know any module.",
      severity: "error",
      from: { path: "^src/platform/" },
      to: { path: "^src/(modules|cli|web)/" },
    },
    {
      name: "module-through-index-only",
      comment: "A module may import another module only through its index.ts.",
      severity: "error",
      from: { path: "^src/modules/([^/]+)/" },
      to: {
        path: "^src/modules/([^/]+)/",
        pathNot: ["^src/modules/$1/", "^src/modules/[^/]+/index\\.ts$"],
      },
    },
    {
      name: "outside-module-through-index-only",
      comment: "cli and bench reach a module only through its index.ts.",
      severity: "error",
      from: { path: "^src/cli/" },
      to: { path: "^src/modules/[^/]+/", pathNot: "^src/modules/[^/]+/index\\.ts$" },
    },
    {
      name: "web-never-imports-server",
      comment: "The web app talks to the server over HTTP only.",
      severity: "error",
      from: { path: "^src/web/" },
      to: { path: "^src/(platform|modules|cli)/" },
    },
    {
      name: "server-never-imports-web",
      severity: "error",
      from: { path: "^src/(platform|modules|cli)/" },
      to: { path: "^src/web/" },
    },
    {
      name: "no-circular",
      comment: "No import cycles; cycles made only of type imports vanish at run time and are allowed.",
      severity: "error",
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default"],
    },
  },
};
