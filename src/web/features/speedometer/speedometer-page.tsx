import { NotBuiltPage } from "../../components/not-built.tsx";

// The speedometer module's issue replaces this with its real page and sets builtModules.speedometer in app/modules.ts.
export function SpeedometerPage() {
  return <NotBuiltPage module="speedometer" />;
}
