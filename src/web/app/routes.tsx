import type { ComponentType } from "react";
import { createBrowserRouter, useParams } from "react-router-dom";
import { AdvocatePage } from "../features/advocate/advocate-page.tsx";
import { AuditsPage } from "../features/audits/audits-page.tsx";
import { SignInPage } from "../features/auth/signin-page.tsx";
import { SignUpPage } from "../features/auth/signup-page.tsx";
import { CockpitPage } from "../features/cockpit/cockpit-page.tsx";
import { InitiativesPage } from "../features/initiatives/initiatives-page.tsx";
import { IntakePage } from "../features/intake/intake-page.tsx";
import { MoneyPage } from "../features/money/money-page.tsx";
import { PeoplePage } from "../features/people/people-page.tsx";
import { ProblemsPage } from "../features/problems/problems-page.tsx";
import { SegmentsPage } from "../features/segments/segments-page.tsx";
import { ServicePage } from "../features/service/service-page.tsx";
import { SettingsPage } from "../features/settings/settings-page.tsx";
import { SpeedometerPage } from "../features/speedometer/speedometer-page.tsx";
import { SurveysPage } from "../features/surveys/surveys-page.tsx";
import { NewWorkspacePage } from "../features/workspaces/new-workspace-page.tsx";
import { HomeRedirect, RequireAuth, SignedOutOnly } from "./guards.tsx";
import { type ModuleKey, moduleKeys, workspacePath } from "./modules.ts";
import { NotFoundPage, NotFoundPanel } from "./not-found.tsx";
import { RouteError } from "./route-error.tsx";
import { WorkspaceShell } from "./shell.tsx";

/** One page per module of DOMAIN.md, at /w/:ws/<module>. */
export const modulePages: Record<ModuleKey, ComponentType> = {
  intake: IntakePage,
  speedometer: SpeedometerPage,
  problems: ProblemsPage,
  money: MoneyPage,
  initiatives: InitiativesPage,
  service: ServicePage,
  segments: SegmentsPage,
  people: PeoplePage,
  audits: AuditsPage,
  advocate: AdvocatePage,
  surveys: SurveysPage,
};

function WorkspaceNotFound() {
  const { ws = "" } = useParams();
  return <NotFoundPanel home={workspacePath(ws)} />;
}

export function createRouter() {
  return createBrowserRouter([
    {
      errorElement: <RouteError />,
      children: [
        { path: "/", element: <HomeRedirect /> },
        {
          path: "/signin",
          element: (
            <SignedOutOnly>
              <SignInPage />
            </SignedOutOnly>
          ),
        },
        {
          path: "/signup",
          element: (
            <SignedOutOnly>
              <SignUpPage />
            </SignedOutOnly>
          ),
        },
        {
          element: <RequireAuth />,
          children: [
            { path: "/workspaces/new", element: <NewWorkspacePage /> },
            {
              path: "/w/:ws",
              element: <WorkspaceShell />,
              children: [
                { index: true, element: <CockpitPage /> },
                ...moduleKeys.map((key) => {
                  const Page = modulePages[key];
                  // A module's page may route its own sub-pages (problems/:id, initiatives/:id).
                  return { path: `${key}/*`, element: <Page /> };
                }),
                { path: "settings", element: <SettingsPage /> },
                { path: "*", element: <WorkspaceNotFound /> },
              ],
            },
          ],
        },
        { path: "*", element: <NotFoundPage /> },
      ],
    },
  ]);
}
