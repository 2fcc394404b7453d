import { NotBuiltPage } from "../../components/not-built.tsx";

// The advocate module's issue replaces this with its real page and sets builtModules.advocate in app/modules.ts.
export function AdvocatePage() {
  return <NotBuiltPage module="advocate" />;
}
