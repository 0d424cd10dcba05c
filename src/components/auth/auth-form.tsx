"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { authClient } from "@/lib/client/auth-client";
import { Button, inputClass } from "@/components/ui/button";

type Mode = "sign-in" | "sign-up";

/** Turns Better Auth's error codes into sentences a person can act on. */
function friendlyError(mode: Mode, error: { code?: string; message?: string; status?: number }): string {
  switch (error.code) {
    case "INVALID_EMAIL_OR_PASSWORD":
      return "That email and password do not match an account.";
    case "USER_ALREADY_EXISTS":
    case "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL":
      return "An account with this email already exists. Sign in instead.";
    case "PASSWORD_TOO_SHORT":
      return "The password must be at least 8 characters.";
    case "INVALID_EMAIL":
      return "Enter a valid email address.";
  }
  if (error.status === 429) return "Too many attempts. Wait a minute and try again.";
  return error.message || (mode === "sign-in" ? "Could not sign in." : "Could not create the account.");
}

export function AuthForm({ mode }: { mode: Mode }) {
  const router = useRouter();
  const errorId = useId();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const name = String(form.get("name") ?? "").trim();
    if (!/^\S+@\S+\.\S+$/.test(email)) {
      setError("Enter a valid email address.");
      return;
    }
    if (mode === "sign-up" && password.length < 8) {
      setError("The password must be at least 8 characters.");
      return;
    }
    setPending(true);
    setError(null);
    const result =
      mode === "sign-in"
        ? await authClient.signIn.email({ email, password })
        : await authClient.signUp.email({
            email,
            password,
            name: name || email.split("@")[0] || "Me",
            timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
          });
    if (result.error) {
      setPending(false);
      setError(friendlyError(mode, result.error));
      return;
    }
    router.replace("/");
    router.refresh();
  }

  const describedBy = error ? errorId : undefined;
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {mode === "sign-up" && (
        <Field label="Name" name="name" type="text" autoComplete="name" describedBy={describedBy} />
      )}
      <Field label="Email" name="email" type="email" autoComplete="email" required describedBy={describedBy} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete={mode === "sign-in" ? "current-password" : "new-password"}
        required
        minLength={mode === "sign-up" ? 8 : undefined}
        hint={mode === "sign-up" ? "At least 8 characters." : undefined}
        describedBy={describedBy}
      />
      <div aria-live="assertive" className="min-h-5">
        {error && (
          <p id={errorId} role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
            {error}
          </p>
        )}
      </div>
      <Button type="submit" variant="primary" className="w-full" disabled={pending}>
        {pending ? (mode === "sign-in" ? "Signing in…" : "Creating account…") : mode === "sign-in" ? "Sign in" : "Sign up"}
      </Button>
      <p className="text-center text-sm text-zinc-600 dark:text-zinc-400">
        {mode === "sign-in" ? (
          <>
            New here?{" "}
            <Link href="/sign-up" className="font-medium text-accent-600 underline-offset-2 hover:underline dark:text-accent-500">
              Create an account
            </Link>
          </>
        ) : (
          <>
            Already have an account?{" "}
            <Link href="/sign-in" className="font-medium text-accent-600 underline-offset-2 hover:underline dark:text-accent-500">
              Sign in
            </Link>
          </>
        )}
      </p>
    </form>
  );
}

function Field(props: {
  label: string;
  name: string;
  type: string;
  autoComplete: string;
  required?: boolean;
  minLength?: number;
  hint?: string;
  describedBy?: string;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const describedBy = [props.hint ? hintId : null, props.describedBy].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {props.label}
      </label>
      <input
        id={id}
        name={props.name}
        type={props.type}
        autoComplete={props.autoComplete}
        required={props.required}
        minLength={props.minLength}
        aria-describedby={describedBy}
        className={inputClass}
      />
      {props.hint && (
        <p id={hintId} className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
          {props.hint}
        </p>
      )}
    </div>
  );
}
