import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { Alert } from "@/components/ui/card";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";

export async function generateMetadata() {
  return { title: (await getTranslations("Auth"))("resetTitle") };
}

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const t = await getTranslations("Auth");
  return (
    <AuthCard title={t("resetTitle")}>
      {typeof token === "string" && token ? <ResetPasswordForm token={token} /> : <Alert>{t("verifyFailed")}</Alert>}
    </AuthCard>
  );
}
