import { NotBuiltPage } from "../../components/not-built.tsx";

// The audits module's issue replaces this with its real page and sets builtModules.audits in app/modules.ts.
export function AuditsPage() {
  return <NotBuiltPage module="audits" />;
}
