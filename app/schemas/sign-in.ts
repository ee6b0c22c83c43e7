import { z } from "zod";

export const signInSchema = z.object({
  email: z
    .string({ error: "Enter your email address" })
    .trim()
    .min(1, "Enter your email address")
    .max(254, "Email address must be 254 characters or fewer")
    .email("Enter an email address in the correct format, like name@example.police.uk"),
  password: z.string({ error: "Enter your password" }).min(1, "Enter your password").max(1000, "Password must be 1,000 characters or fewer"),
  redirectTo: z.string().max(2000).optional(),
});

export type SignInValues = z.infer<typeof signInSchema>;
