import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { Link } from "react-router-dom";
import { ApiError } from "../../app/api.ts";
import { useAuthConfig, useSignUp } from "../../app/auth.ts";
import { useErrorText } from "../../components/error-alert.tsx";
import { Loading } from "../../components/loading.tsx";
import { useI18n } from "../../i18n/index.ts";
import { AuthLayout } from "./auth-layout.tsx";
import { checkEmail, checkPassword, type FieldProblem } from "./validate.ts";

type Fields = { name: string; email: string; password: string; workspaceName: string };

export function SignUpPage() {
  const { t, language } = useI18n();
  const errorText = useErrorText();
  const config = useAuthConfig();
  const signUp = useSignUp();
  const [fields, setFields] = useState<Fields>({ name: "", email: "", password: "", workspaceName: "" });
  const [problems, setProblems] = useState<Partial<Record<keyof Fields, FieldProblem>>>({});
  const set = (key: keyof Fields) => (e: { currentTarget: { value: string } }) =>
    setFields((f) => ({ ...f, [key]: e.currentTarget.value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = {
      name: fields.name.trim() ? undefined : ("errors.required" as const),
      email: checkEmail(fields.email),
      password: checkPassword(fields.password, 8),
    };
    setProblems(found);
    if (found.name || found.email || found.password) return;
    signUp.mutate({
      name: fields.name.trim(),
      email: fields.email.trim(),
      password: fields.password,
      workspaceName: fields.workspaceName.trim() || undefined,
      locale: language,
    });
  };

  if (config.isPending) return <Loading fullPage />;
  if (config.data && !config.data.signupOpen) {
    return (
      <AuthLayout title={t("auth.signup.title")}>
        <Stack>
          <Alert color="gray" variant="light">
            {t("auth.signup.closed")}
          </Alert>
          <Anchor component={Link} to="/signin">
            {t("auth.signup.toSignin")}
          </Anchor>
        </Stack>
      </AuthLayout>
    );
  }

  const failed = signUp.error;
  const serverFields = failed instanceof ApiError ? failed.fieldErrors() : {};
  const fieldError = (key: keyof Fields) =>
    problems[key] ? t(problems[key]) : serverFields[key] ? t("errors.fieldInvalid") : undefined;
  const failure =
    failed instanceof ApiError && failed.status === 409
      ? t("auth.signup.exists")
      : failed
        ? errorText(failed)
        : null;

  return (
    <AuthLayout title={t("auth.signup.title")}>
      <Stack gap="md">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <TextInput
              label={t("auth.signup.name")}
              autoComplete="name"
              required
              value={fields.name}
              onChange={set("name")}
              error={fieldError("name")}
            />
            <TextInput
              label={t("auth.signup.email")}
              type="email"
              autoComplete="email"
              required
              value={fields.email}
              onChange={set("email")}
              error={fieldError("email")}
            />
            <PasswordInput
              label={t("auth.signup.password")}
              description={t("auth.signup.passwordHint")}
              autoComplete="new-password"
              required
              value={fields.password}
              onChange={set("password")}
              error={fieldError("password")}
            />
            <TextInput
              label={t("auth.signup.workspaceName")}
              description={t("auth.signup.workspaceHint")}
              autoComplete="organization"
              value={fields.workspaceName}
              onChange={set("workspaceName")}
              error={fieldError("workspaceName")}
            />
            {failure ? (
              <Text c="red.9" size="sm" role="alert">
                {failure}
              </Text>
            ) : null}
            <Button type="submit" loading={signUp.isPending} fullWidth>
              {t("auth.signup.submit")}
            </Button>
          </Stack>
        </form>
        <Text size="sm" ta="center">
          {t("auth.signup.haveAccount")}{" "}
          <Anchor component={Link} to="/signin">
            {t("auth.signup.toSignin")}
          </Anchor>
        </Text>
      </Stack>
    </AuthLayout>
  );
}
