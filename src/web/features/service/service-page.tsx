import { Route, Routes } from "react-router-dom";
import { ReportView } from "./report-view.tsx";
import { SettingsView } from "./settings-view.tsx";
import "./service.css";

/** Service & waiting: the report at /w/:ws/service, its settings at /w/:ws/service/settings. */
export function ServicePage() {
  return (
    <Routes>
      <Route index element={<ReportView />} />
      <Route path="settings" element={<SettingsView />} />
      <Route path="*" element={<ReportView />} />
    </Routes>
  );
}
