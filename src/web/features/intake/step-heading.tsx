import { Title } from "@mantine/core";
import { createContext, type ReactNode, useContext, useEffect, useRef } from "react";

/** True once the reader has moved between steps: from then on each new step takes the focus. */
export const StepFocusContext = createContext(false);

/**
 * A step's heading. After a step change the focus moves here, so keyboard and screen-reader users
 * continue from the new step instead of from a button that is gone.
 */
export function StepHeading({ children, testId }: { children: ReactNode; testId?: string }) {
  const focus = useContext(StepFocusContext);
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus({ preventScroll: false });
  }, [focus]);
  return (
    <Title order={2} size="h3" ref={ref} tabIndex={-1} className="intake-step-heading" data-testid={testId}>
      {children}
    </Title>
  );
}
