import { NotBuiltPage } from "../../components/not-built.tsx";

// The people module's issue replaces this with its real page and sets builtModules.people in app/modules.ts.
export function PeoplePage() {
  return <NotBuiltPage module="people" />;
}
