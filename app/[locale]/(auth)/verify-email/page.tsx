import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { ResendVerificationForm, VerifyEmailForm } from "@/components/auth/verify-email-form";

export async function generateMetadata() {
  return { title: (await getTranslations("Auth"))("verifyTitle") };
}

export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const t = await getTranslations("Auth");
  return (
    <AuthCard title={t("verifyTitle")}>
      {typeof token === "string" && token ? <VerifyEmailForm token={token} /> : <ResendVerificationForm />}
    </AuthCard>
  );
}
