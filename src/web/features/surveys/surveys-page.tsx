import { NotBuiltPage } from "../../components/not-built.tsx";

// The surveys module's issue replaces this with its real page and sets builtModules.surveys in app/modules.ts.
export function SurveysPage() {
  return <NotBuiltPage module="surveys" />;
}
