import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { ResendVerificationForm } from "@/components/auth/verify-email-form";

export async function generateMetadata() {
  return { title: (await getTranslations("Auth"))("checkEmailTitle") };
}

export default async function CheckEmailPage({ searchParams }: { searchParams: Promise<{ email?: string }> }) {
  const { email } = await searchParams;
  const t = await getTranslations("Auth");
  const address = typeof email === "string" ? email.slice(0, 254) : "";
  return (
    <AuthCard title={t("checkEmailTitle")} intro={t("checkEmailBody", { email: address })}>
      <ResendVerificationForm email={address} />
    </AuthCard>
  );
}
