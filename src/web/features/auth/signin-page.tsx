import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { ApiError } from "../../app/api.ts";
import { useAuthConfig, useSignIn } from "../../app/auth.ts";
import { useErrorText } from "../../components/error-alert.tsx";
import { useI18n } from "../../i18n/index.ts";
import { AuthLayout } from "./auth-layout.tsx";
import { checkEmail, checkPassword, type FieldProblem } from "./validate.ts";

export function SignInPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const config = useAuthConfig();
  const signIn = useSignIn();
  const [params] = useSearchParams();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [problems, setProblems] = useState<{ email?: FieldProblem; password?: FieldProblem }>({});
  const submitRef = useRef<HTMLButtonElement>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = { email: checkEmail(email), password: checkPassword(password) };
    setProblems(found);
    if (found.email || found.password) return;
    signIn.mutate({ email: email.trim(), password });
  };

  const demo = config.data?.demo;
  const failed = signIn.error;
  const failure =
    failed instanceof ApiError && failed.status === 401
      ? t("auth.signin.wrong")
      : failed
        ? errorText(failed)
        : null;

  return (
    <AuthLayout title={t("auth.signin.title")}>
      <Stack gap="md">
        {demo ? (
          <Alert variant="light" color="indigo" title={t("auth.demo.title")} data-testid="demo-box">
            <Text size="sm" mb="sm">
              {t("auth.demo.text")}
            </Text>
            <Button
              variant="white"
              size="sm"
              data-testid="use-demo"
              onClick={() => {
                setEmail(demo.email);
                setPassword(demo.password);
                setProblems({});
                submitRef.current?.focus();
              }}
            >
              {t("auth.demo.use")}
            </Button>
          </Alert>
        ) : null}
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <TextInput
              label={t("auth.signin.email")}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={problems.email ? t(problems.email) : undefined}
            />
            <PasswordInput
              label={t("auth.signin.password")}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={problems.password ? t(problems.password) : undefined}
            />
            {failure ? (
              <Text c="red.9" size="sm" role="alert">
                {failure}
              </Text>
            ) : null}
            <Button
              type="submit"
              loading={signIn.isPending}
              ref={submitRef}
              fullWidth
              data-testid="signin-submit"
            >
              {t("auth.signin.submit")}
            </Button>
          </Stack>
        </form>
        {config.data?.signupOpen ? (
          <Text size="sm" ta="center">
            {t("auth.signin.noAccount")}{" "}
            <Anchor component={Link} to={`/signup${params.size ? `?${params}` : ""}`}>
              {t("auth.signin.toSignup")}
            </Anchor>
          </Text>
        ) : null}
      </Stack>
    </AuthLayout>
  );
}
