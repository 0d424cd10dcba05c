import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { AuthForm } from "@/components/auth/auth-form";
import { redirectIfSignedIn } from "../session-redirect";

export const metadata: Metadata = { title: "Sign up" };
export const dynamic = "force-dynamic";

export default async function SignUpPage() {
  await redirectIfSignedIn();
  return (
    <AuthCard title="Create your account" subtitle="Free, self-hosted, and yours.">
      <AuthForm mode="sign-up" />
    </AuthCard>
  );
}
