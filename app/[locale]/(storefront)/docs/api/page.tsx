import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getEnv } from "@/lib/env";
import { getApiReference } from "@/lib/api/v1/api-reference";
import { ApiReferenceView } from "@/components/docs/api-reference-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ApiDocs");
  return { title: t("metaTitle") };
}

// LIC-12: the OpenAPI document of /api/v1, rendered for people.
export default async function ApiDocsPage() {
  const baseUrl = getEnv().APP_URL;
  const { info, groups } = getApiReference(baseUrl);
  return <ApiReferenceView groups={groups} version={info.version} baseUrl={baseUrl} />;
}
