import { NotBuiltPage } from "../../components/not-built.tsx";

// The initiatives module's issue replaces this with its real page and sets builtModules.initiatives in app/modules.ts.
export function InitiativesPage() {
  return <NotBuiltPage module="initiatives" />;
}
