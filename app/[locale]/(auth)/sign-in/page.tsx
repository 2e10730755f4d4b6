import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";

export async function generateMetadata() {
  return { title: (await getTranslations("Nav"))("signIn") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  const t = await getTranslations("Auth");
  return (
    <AuthCard
      title={t("signInTitle")}
      footer={
        <div className="space-y-2">
          <p><Link href="/forgot-password" className="font-medium text-brand-600 hover:underline">{t("forgotPassword")}</Link></p>
          <p>{t("noAccount")} <Link href="/sign-up" className="font-medium text-brand-600 hover:underline">{t("signUpSubmit")}</Link></p>
        </div>
      }
    >
      <SignInForm next={typeof next === "string" ? next : undefined} />
    </AuthCard>
  );
}
