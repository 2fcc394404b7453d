import { NotBuiltPage } from "../../components/not-built.tsx";

// The segments module's issue replaces this with its real page and sets builtModules.segments in app/modules.ts.
export function SegmentsPage() {
  return <NotBuiltPage module="segments" />;
}
