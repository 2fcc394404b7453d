import { NotBuiltPage } from "../../components/not-built.tsx";

// The problems module's issue replaces this with its real page and sets builtModules.problems in app/modules.ts.
export function ProblemsPage() {
  return <NotBuiltPage module="problems" />;
}
