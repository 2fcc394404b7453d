import { NotBuiltPage } from "../../components/not-built.tsx";

// The intake module's issue replaces this with its real page and sets builtModules.intake in app/modules.ts.
export function IntakePage() {
  return <NotBuiltPage module="intake" />;
}
